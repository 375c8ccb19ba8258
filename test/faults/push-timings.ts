/** One sync.push the extension sent, as Chromium reported it: when, and how many mutations. */
export type PushRequest = { at: number; size: number };

/**
 * The server's own time (ms) and status per `sync.push`, from its pino request lines (info):
 * how long each bounded batch took to apply.
 */
export function pushTimings(log: string): { status: number; ms: number }[] {
  const timings: { status: number; ms: number }[] = [];
  for (const line of log.split('\n')) {
    if (!line.includes('/trpc/sync.push')) continue;
    try {
      const entry = JSON.parse(line) as { path?: string; status?: number; ms?: number; msg?: string };
      if (entry.msg === 'request' && entry.path === '/trpc/sync.push') timings.push({ status: entry.status ?? 0, ms: entry.ms ?? 0 });
    } catch {
      // not a JSON log line
    }
  }
  return timings;
}

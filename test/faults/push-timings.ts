/** One sync.push the extension sent, as Chromium reported it: when, and how many mutations. */
export type PushRequest = { at: number; size: number };

/**
 * The server's own time (ms) and status per `sync.push`, from its pino request lines (info):
 * how long each bounded batch took to apply, and which ones the client left before the answer.
 */
export function pushTimings(log: string): { status: number; ms: number; aborted?: true }[] {
  const timings: { status: number; ms: number; aborted?: true }[] = [];
  for (const line of log.split('\n')) {
    if (!line.includes('/trpc/sync.push')) continue;
    try {
      const entry = JSON.parse(line) as { path?: string; status?: number; ms?: number; msg?: string; aborted?: boolean };
      if (entry.msg !== 'request' || entry.path !== '/trpc/sync.push') continue;
      timings.push({ status: entry.status ?? 0, ms: entry.ms ?? 0, ...(entry.aborted ? { aborted: true as const } : {}) });
    } catch {
      // not a JSON log line
    }
  }
  return timings;
}

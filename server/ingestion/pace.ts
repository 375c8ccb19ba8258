/**
 * Client-side pacing for a per-user quota in units per second (Gmail: 250, "a moving average").
 * Requests wait for room instead of overrunning the quota and paying for 429s and backoff. The
 * pacer keeps its own sliding window of what it spent, a little longer than the provider's
 * second, so a request that reaches the provider a moment after it was sent never finds the
 * previous second's spending still counted.
 */
export type Pacer = { take(units: number, signal: AbortSignal): Promise<void> };

export function createPacer(unitsPerSecond: number, windowMs = 1020, now: () => number = () => performance.now()): Pacer {
  if (!Number.isFinite(unitsPerSecond) || unitsPerSecond <= 0) return { take: async () => undefined };
  const spent: { at: number; units: number }[] = [];
  let inWindow = 0;
  let queue = Promise.resolve();
  const prune = (t: number) => {
    while (spent.length > 0 && spent[0]!.at <= t - windowMs) inWindow -= spent.shift()!.units;
  };
  return {
    take(units, signal) {
      const turn = queue.then(async () => {
        for (;;) {
          if (signal.aborted) throw signal.reason;
          const t = now();
          prune(t);
          // A request larger than the whole quota goes alone into an empty window.
          if (inWindow + units <= unitsPerSecond || spent.length === 0) {
            spent.push({ at: t, units });
            inWindow += units;
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, Math.max(1, Math.ceil(spent[0]!.at + windowMs - t))));
        }
      });
      queue = turn.catch(() => undefined);
      return turn;
    },
  };
}

/** `fn` over `items` with at most `limit` in flight; results in input order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

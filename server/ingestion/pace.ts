/**
 * Client-side pacing for a per-user quota in units per second (Gmail: 250). Requests wait for
 * their units instead of overrunning the quota and paying for 429s and backoff; the budget
 * refills continuously, so a steady stream uses the whole quota.
 */
export type Pacer = { take(units: number, signal: AbortSignal): Promise<void> };

export function createPacer(unitsPerSecond: number, burst = 10, now: () => number = () => performance.now()): Pacer {
  if (!Number.isFinite(unitsPerSecond) || unitsPerSecond <= 0) return { take: async () => undefined };
  // A bucket of `burst` units refilled at (quota - burst) per second: any one-second window then
  // holds at most the quota, whether the provider averages over a sliding or a fixed second.
  const capacity = Math.min(burst, unitsPerSecond / 2);
  const rate = unitsPerSecond - capacity;
  let available = capacity;
  let last = now();
  let queue = Promise.resolve();
  return {
    take(units, signal) {
      const turn = queue.then(async () => {
        for (;;) {
          if (signal.aborted) throw signal.reason;
          const t = now();
          available = Math.min(capacity, available + ((t - last) / 1000) * rate);
          last = t;
          if (available >= units) {
            available -= units;
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, Math.ceil(((units - available) / rate) * 1000)));
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

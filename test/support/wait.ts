import { setTimeout as delay } from 'node:timers/promises';

/**
 * Polls `read` until `done(value)` or the timeout; for states no Playwright locator can wait on
 * (a frame committing its URL, the server's view of the data). Throws with the last value seen.
 */
export async function waitUntil<T>(
  read: () => Promise<T> | T,
  done: (value: T) => boolean,
  options: { timeout: number; message: string; interval?: number },
): Promise<T> {
  const deadline = Date.now() + options.timeout;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await read();
      lastError = undefined;
      if (done(last)) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const seen = lastError ? `last error: ${String(lastError)}` : `last value: ${JSON.stringify(last)}`;
      throw new Error(`${options.message} (after ${options.timeout} ms; ${seen})`, { cause: lastError });
    }
    await delay(options.interval ?? 100);
  }
}

/**
 * `promise`, or an error naming what was awaited once `ms` passed: for awaits that take no
 * timeout of their own (page.evaluate, a CDP call), so a scenario fails with a reason instead of
 * hanging until the test runner's timeout.
 */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for: ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

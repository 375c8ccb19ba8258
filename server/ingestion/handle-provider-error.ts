import { ProviderError } from './provider-error';

/** What a channel does next after a failed provider call. */
export type ErrorDecision =
  /** Try the same call again after the delay (in this run while the delay is short). */
  | { action: 'retry'; delayMs: number }
  /** The cursor is gone: forget it and import the window again (duplicates are impossible: upserts). */
  | { action: 'resync' }
  /** Only the user can fix it: stop the channel and show "reconnect". */
  | { action: 'reconnect' }
  /** Keep the cursor, record the error, try again at the next scheduled run after the delay. */
  | { action: 'defer'; delayMs: number };

export const RETRY_POLICY = {
  /** Attempts inside one run before the channel is deferred to a later run. */
  maxAttemptsPerRun: 6,
  baseDelayMs: 1_000,
  maxDelayMs: 5 * 60_000,
} as const;

export type RetryPolicy = { maxAttemptsPerRun: number; baseDelayMs: number; maxDelayMs: number };

/**
 * THE provider-error handler (DESIGN.md "Providers"): every channel of every provider goes
 * through this function, and nothing else decides retries, resyncs or reconnects. `attempt`
 * counts failures of the same call in a row (1 for the first). Backoff is exponential with full
 * jitter, and a Retry-After from the provider wins over it (the Google clients ignore it, so
 * their own retries are switched off and this is the only retry loop).
 */
export function decide(error: unknown, attempt: number, policy: RetryPolicy = RETRY_POLICY, random = Math.random): ErrorDecision {
  const kind = error instanceof ProviderError ? error.kind : 'unknown';
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = Math.round(backoff / 2 + random() * (backoff / 2));
  switch (kind) {
    case 'cursor-invalid':
      return { action: 'resync' };
    case 'auth-revoked':
    case 'insufficient-permissions':
      return { action: 'reconnect' };
    case 'rate-limited':
    case 'temporary': {
      const retryAfter = error instanceof ProviderError ? error.retryAfterMs : null;
      const delayMs = retryAfter !== null ? Math.min(retryAfter, policy.maxDelayMs) : jittered;
      return attempt < policy.maxAttemptsPerRun ? { action: 'retry', delayMs } : { action: 'defer', delayMs: backoff };
    }
    // A missing resource (a deleted calendar or folder) or an error nobody recognises: the run
    // stops with the error shown, and the next scheduled run tries again later.
    case 'not-found':
    case 'unknown':
      return { action: 'defer', delayMs: backoff };
  }
}

/** Runs `call`, retrying as decide() says; any other decision is thrown as the original error. */
export async function withRetries<T>(
  call: () => Promise<T>,
  options: { signal: AbortSignal; policy?: RetryPolicy; sleep?: (ms: number, signal: AbortSignal) => Promise<void> },
): Promise<T> {
  const sleep = options.sleep ?? abortableSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (options.signal.aborted) throw error;
      const decision = decide(error, attempt, options.policy);
      if (decision.action !== 'retry') throw error;
      await sleep(decision.delayMs, options.signal);
    }
  }
}

export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

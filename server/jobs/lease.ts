import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** Who holds a lease and for how long; every renewal extends it by `leaseMs` from now. */
export type LeaseSettings = { owner: string; leaseMs: number };

/** Thrown inside a transaction whose lease another worker has taken over: the commit must not happen. */
export class LeaseLostError extends Error {
  constructor(what: string) {
    super(`lease on ${what} was taken over by another worker`);
    this.name = 'LeaseLostError';
  }
}

/** One id per process (host, pid, random: a restarted process with the same pid is another owner). */
export const processWorkerId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

/**
 * CRM_LEASE_MS (default 30 s): how long a crashed worker's channel or job waits before another
 * worker takes it over. Live workers renew every third of it, so it only bounds crash recovery.
 */
export function leaseSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): LeaseSettings {
  const leaseMs = Number(env.CRM_LEASE_MS ?? 30_000);
  if (!Number.isInteger(leaseMs) || leaseMs < 1_000) throw new Error('CRM_LEASE_MS must be a whole number of milliseconds ≥ 1000');
  return { owner: processWorkerId, leaseMs };
}

/**
 * Renews a lease every third of its length while work runs. A renewal that finds the lease gone
 * aborts the returned signal (the work stops at its next safe point; its commits are fenced
 * anyway). A renewal that fails (database unreachable) is retried at the next beat: the work's
 * own writes fail the same way, and the lease simply expires if the outage outlasts it.
 */
export function keepLease(
  renew: () => Promise<boolean>,
  leaseMs: number,
  parent: AbortSignal,
  log: (message: string, error: unknown) => void,
): { signal: AbortSignal; stop(): void } {
  const lost = new AbortController();
  const timer = setInterval(() => {
    renew().then(
      (held) => {
        if (!held) lost.abort(new Error('lease lost'));
      },
      (error: unknown) => log('[lease] renewal failed; retrying at the next beat:', error),
    );
  }, Math.max(250, Math.floor(leaseMs / 3)));
  timer.unref();
  return { signal: AbortSignal.any([parent, lost.signal]), stop: () => clearInterval(timer) };
}

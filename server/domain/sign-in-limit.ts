import type { Store } from '../storage/repositories/index';
import { DomainError } from './errors';

/**
 * Sign-in rate limit: at most PER_ADDRESS failures per mail address and PER_CLIENT per client
 * address within WINDOW. Kept in the database, so every server process counts the same failures.
 * A code has ~59 bits and lives 24 h, so guessing is hopeless anyway; the limit stops floods and
 * keeps the log readable. An attacker can make a victim wait WINDOW by failing on their
 * address; that is the price of a per-address limit (docs/security.md).
 */
export const SIGN_IN_LIMITS = { windowMs: 15 * 60 * 1000, perAddress: 10, perClient: 50 } as const;

type Key = { key: string; max: number };

export function createSignInLimit(store: Store, limits: typeof SIGN_IN_LIMITS = SIGN_IN_LIMITS) {
  const { repos } = store;
  return {
    keysFor(email: string, clientAddress: string | null): Key[] {
      const keys: Key[] = [{ key: `address:${email}`, max: limits.perAddress }];
      if (clientAddress) keys.push({ key: `client:${clientAddress}`, max: limits.perClient });
      return keys;
    },
    async check(keys: Key[]): Promise<void> {
      for (const { key, max } of keys) {
        const { failures, windowStartedAt } = await repos.signInFailures.current(key, limits.windowMs);
        if (failures < max || !windowStartedAt) continue;
        const waitMs = Date.parse(windowStartedAt) + limits.windowMs - Date.now();
        const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
        throw new DomainError('TOO_MANY_REQUESTS', `too many failed sign-ins: try again in ${minutes} minute${minutes === 1 ? '' : 's'}`);
      }
    },
    async recordFailure(keys: Key[]): Promise<void> {
      for (const { key } of keys) await repos.signInFailures.record(key, limits.windowMs);
    },
    /** A good code clears its address's count (not the client's: one success must not reset a flood). */
    async succeeded(keys: Key[]): Promise<void> {
      await repos.signInFailures.clear(keys[0]!.key);
    },
  };
}

import type { Queryable } from '../database';
import { toIso, toNumber } from './row-mapping';

/** Failed sign-ins per key in fixed windows (auth-service's rate limit). */
export function signInFailuresRepository(q: Queryable) {
  return {
    /** Failures in the current window, and when that window started; 0 once it has passed. */
    async current(key: string, windowMs: number): Promise<{ failures: number; windowStartedAt: string | null }> {
      const rows = await q.query<{ failures: unknown; window_started_at: unknown }>(
        `SELECT failures, window_started_at FROM sign_in_failures
          WHERE key = $1 AND window_started_at > now() - $2 * interval '1 millisecond'`,
        [key, windowMs],
      );
      const row = rows[0];
      return row ? { failures: toNumber(row.failures), windowStartedAt: toIso(row.window_started_at) } : { failures: 0, windowStartedAt: null };
    },
    /** One more failure; a window that has passed starts again at 1. One statement: no lost counts. */
    async record(key: string, windowMs: number): Promise<void> {
      await q.query(
        `INSERT INTO sign_in_failures (key, window_started_at, failures) VALUES ($1, now(), 1)
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN sign_in_failures.window_started_at > now() - $2 * interval '1 millisecond'
                           THEN sign_in_failures.failures + 1 ELSE 1 END,
           window_started_at = CASE WHEN sign_in_failures.window_started_at > now() - $2 * interval '1 millisecond'
                                    THEN sign_in_failures.window_started_at ELSE now() END`,
        [key, windowMs],
      );
    },
    async clear(key: string): Promise<void> {
      await q.query('DELETE FROM sign_in_failures WHERE key = $1', [key]);
    },
  };
}

import type { Queryable } from '../database';
import { mapUser, userColumnsOf, type UserRaw, type UserRow } from './users';

export function authTokensRepository(q: Queryable) {
  return {
    async insert(token: { id: string; userId: string; tokenHash: string; deviceName: string; expiresAt: Date }) {
      await q.query(
        'INSERT INTO auth_tokens (id, user_id, token_hash, device_name, expires_at) VALUES ($1, $2, $3, $4, $5)',
        [token.id, token.userId, token.tokenHash, token.deviceName, token.expiresAt],
      );
    },
    /**
     * The session behind a live token of an active user, with that user, in one query (every
     * request runs it). `stale`: its last use was recorded over 5 minutes ago (see touch).
     */
    async findActiveSession(tokenHash: string): Promise<{ user: UserRow; sessionId: string; device: string; stale: boolean } | null> {
      const rows = await q.query<UserRaw & { session_id: string; device_name: string; stale: boolean }>(
        `SELECT ${userColumnsOf('u')}, t.id AS session_id, t.device_name,
                (t.last_used_at IS NULL OR t.last_used_at < now() - interval '5 minutes') AS stale
           FROM auth_tokens t JOIN users u ON u.id = t.user_id
          WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > now()
            AND u.deactivated_at IS NULL`,
        [tokenHash],
      );
      const row = rows[0];
      return row ? { user: mapUser(row), sessionId: row.session_id, device: row.device_name, stale: row.stale } : null;
    },
    /** Coarse on purpose: writing on every request would turn every read into a write. */
    async touch(tokenHash: string): Promise<void> {
      await q.query(
        `UPDATE auth_tokens SET last_used_at = now()
          WHERE token_hash = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '5 minutes')`,
        [tokenHash],
      );
    },
    /** Deactivation: every session of the user ends, and stays ended if they are reactivated. */
    async revokeAllOfUser(userId: string): Promise<void> {
      await q.query('UPDATE auth_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId]);
    },
    async revoke(tokenHash: string): Promise<void> {
      await q.query('UPDATE auth_tokens SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL', [
        tokenHash,
      ]);
    },
  };
}

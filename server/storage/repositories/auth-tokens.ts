import type { Queryable } from '../database';

export function authTokensRepository(q: Queryable) {
  return {
    async insert(token: { id: string; userId: string; tokenHash: string; deviceName: string; expiresAt: Date }) {
      await q.query(
        'INSERT INTO auth_tokens (id, user_id, token_hash, device_name, expires_at) VALUES ($1, $2, $3, $4, $5)',
        [token.id, token.userId, token.tokenHash, token.deviceName, token.expiresAt],
      );
    },
    /** The user id behind a live token of an active user, or null. */
    async findActiveUserId(tokenHash: string): Promise<string | null> {
      const rows = await q.query<{ user_id: string }>(
        `SELECT t.user_id FROM auth_tokens t JOIN users u ON u.id = t.user_id
          WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > now()
            AND u.deactivated_at IS NULL`,
        [tokenHash],
      );
      return rows[0]?.user_id ?? null;
    },
    /** Coarse on purpose: writing on every request would turn every read into a write. */
    async touch(tokenHash: string): Promise<void> {
      await q.query(
        `UPDATE auth_tokens SET last_used_at = now()
          WHERE token_hash = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '5 minutes')`,
        [tokenHash],
      );
    },
    async revoke(tokenHash: string): Promise<void> {
      await q.query('UPDATE auth_tokens SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL', [
        tokenHash,
      ]);
    },
  };
}

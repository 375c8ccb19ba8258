import type { Queryable } from '../database';

export type OAuthStateRow = { id: string; orgId: string; userId: string; provider: string; codeVerifier: string };

/** One-time OAuth starts: each id may start once and finish once, before it expires. */
export function oauthStatesRepository(q: Queryable) {
  return {
    /** A start id that can still be started, with its user's address (for the confirmation page). */
    async peek(id: string, now: Date): Promise<{ provider: string; userEmail: string } | null> {
      const rows = await q.query<{ provider: string; email: string }>(
        `SELECT s.provider, u.email FROM oauth_states s JOIN users u ON u.id = s.user_id
          WHERE s.id = $1 AND s.started_at IS NULL AND s.expires_at > $2`,
        [id, now],
      );
      return rows[0] ? { provider: rows[0].provider, userEmail: rows[0].email } : null;
    },
    async insert(s: OAuthStateRow & { expiresAt: Date }): Promise<void> {
      await q.query('DELETE FROM oauth_states WHERE expires_at < now()');
      await q.query(
        'INSERT INTO oauth_states (id, org_id, user_id, provider, code_verifier, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
        [s.id, s.orgId, s.userId, s.provider, s.codeVerifier, s.expiresAt],
      );
    },
    /** Marks the start used; null if unknown, expired or already started. */
    async start(id: string, now: Date): Promise<OAuthStateRow | null> {
      const rows = await q.query<{ id: string; org_id: string; user_id: string; provider: string; code_verifier: string }>(
        `UPDATE oauth_states SET started_at = $2 WHERE id = $1 AND started_at IS NULL AND expires_at > $2
         RETURNING id, org_id, user_id, provider, code_verifier`,
        [id, now],
      );
      const r = rows[0];
      return r ? { id: r.id, orgId: r.org_id, userId: r.user_id, provider: r.provider, codeVerifier: r.code_verifier } : null;
    },
    /** Consumes a started state at the callback; null if unknown, expired, not started or used. */
    async finish(id: string, now: Date): Promise<OAuthStateRow | null> {
      const rows = await q.query<{ id: string; org_id: string; user_id: string; provider: string; code_verifier: string }>(
        `UPDATE oauth_states SET used_at = $2
          WHERE id = $1 AND started_at IS NOT NULL AND used_at IS NULL AND expires_at > $2
         RETURNING id, org_id, user_id, provider, code_verifier`,
        [id, now],
      );
      const r = rows[0];
      return r ? { id: r.id, orgId: r.org_id, userId: r.user_id, provider: r.provider, codeVerifier: r.code_verifier } : null;
    },
  };
}

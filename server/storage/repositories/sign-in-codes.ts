import type { Queryable } from '../database';

export function signInCodesRepository(q: Queryable) {
  return {
    async insert(code: { id: string; userId: string; codeHash: string; expiresAt: Date }): Promise<void> {
      await q.query('INSERT INTO sign_in_codes (id, user_id, code_hash, expires_at) VALUES ($1, $2, $3, $4)', [
        code.id,
        code.userId,
        code.codeHash,
        code.expiresAt,
      ]);
    },
    /** A fresh code replaces older ones, so at most one code per person is ever live. */
    async retireUnused(userId: string): Promise<void> {
      await q.query('UPDATE sign_in_codes SET used_at = now() WHERE user_id = $1 AND used_at IS NULL', [userId]);
    },
    /**
     * Marks a matching live code used and returns its user. One UPDATE, so two sign-ins racing
     * with the same code cannot both win: the second finds used_at already set.
     */
    async consume(userIds: string[], codeHash: string): Promise<string | null> {
      const rows = await q.query<{ user_id: string }>(
        `UPDATE sign_in_codes SET used_at = now()
          WHERE id = (SELECT id FROM sign_in_codes
                       WHERE user_id = ANY($1::uuid[]) AND code_hash = $2
                         AND used_at IS NULL AND expires_at > now()
                       LIMIT 1 FOR UPDATE)
            AND used_at IS NULL
        RETURNING user_id`,
        [userIds, codeHash],
      );
      return rows[0]?.user_id ?? null;
    },
  };
}

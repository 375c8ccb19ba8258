import type { MutationResult } from '../../../shared/schemas/sync';
import type { Queryable } from '../database';

export type AppliedMutation = { orgId: string; userId: string; result: MutationResult | null };

export function appliedMutationsRepository(q: Queryable) {
  return {
    /**
     * Claims a mutation id inside the caller's transaction, storing the result it will have if
     * nothing changes it (setResult). Returns false when the id is already recorded; a
     * concurrent claim of the same id waits on the unique index until the first transaction
     * ends, so a mutation is never applied twice.
     */
    async claim(m: { id: string; orgId: string; userId: string; kind: string }, result: MutationResult): Promise<boolean> {
      const rows = await q.query(
        `INSERT INTO applied_mutations (id, org_id, user_id, kind, result) VALUES ($1, $2, $3, $4, $5::jsonb)
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [m.id, m.orgId, m.userId, m.kind, JSON.stringify(result)],
      );
      return rows.length > 0;
    },
    async get(id: string): Promise<AppliedMutation | null> {
      const rows = await q.query<{ org_id: string; user_id: string; result: MutationResult | null }>(
        'SELECT org_id, user_id, result FROM applied_mutations WHERE id = $1',
        [id],
      );
      const r = rows[0];
      return r ? { orgId: r.org_id, userId: r.user_id, result: r.result } : null;
    },
    async setResult(id: string, result: MutationResult): Promise<void> {
      await q.query('UPDATE applied_mutations SET result = $2::jsonb WHERE id = $1', [id, JSON.stringify(result)]);
    },
  };
}

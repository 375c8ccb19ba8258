import type { MatchChoice } from '../../../shared/schemas/match-choice';
import type { Queryable } from '../database';
import { toIso } from './row-mapping';

/** Private to `userId`: sync-pull sends a choice to its owner only. */
export type MatchChoiceRow = MatchChoice & { orgId: string; userId: string };

const columns = 'id, org_id, user_id, address_key, customer_id, updated_at';
type Raw = {
  id: string;
  org_id: string;
  user_id: string;
  address_key: string;
  customer_id: string;
  updated_at: unknown;
};
const map = (r: Raw): MatchChoiceRow => ({
  id: r.id,
  orgId: r.org_id,
  userId: r.user_id,
  addressKey: r.address_key,
  customerId: r.customer_id,
  updatedAt: toIso(r.updated_at),
});

export function matchChoicesRepository(q: Queryable) {
  return {
    /**
     * One choice per user and address: a later choice replaces the earlier one. The id is
     * derived from both (shared/domain/match-choice), so it never changes on replacement.
     */
    async upsert(c: { id: string; orgId: string; userId: string; addressKey: string; customerId: string }) {
      await q.query(
        `INSERT INTO match_choices (id, org_id, user_id, address_key, customer_id) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (user_id, address_key) DO UPDATE SET customer_id = EXCLUDED.customer_id, updated_at = now()`,
        [c.id, c.orgId, c.userId, c.addressKey, c.customerId],
      );
    },
    async listByIds(orgId: string, ids: string[]): Promise<MatchChoiceRow[]> {
      const rows = await q.query<Raw>(
        `SELECT ${columns} FROM match_choices WHERE org_id = $1 AND id = ANY($2::uuid[])`,
        [orgId, ids],
      );
      return rows.map(map);
    },
    async findForUser(userId: string, addressKey: string): Promise<MatchChoiceRow | null> {
      const rows = await q.query<Raw>(`SELECT ${columns} FROM match_choices WHERE user_id = $1 AND address_key = $2`, [
        userId,
        addressKey,
      ]);
      return rows[0] ? map(rows[0]) : null;
    },
  };
}

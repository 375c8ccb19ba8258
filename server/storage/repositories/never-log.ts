import type { Queryable } from '../database';
import { toIso } from './row-mapping';

export type NeverLogRow = {
  id: string;
  orgId: string;
  /** null = organisation-wide. */
  userId: string | null;
  kind: 'address' | 'domain';
  value: string;
  createdBy: string;
  createdAt: string;
};

const columns = 'id, org_id, user_id, kind, value, created_by, created_at';
type Raw = { id: string; org_id: string; user_id: string | null; kind: 'address' | 'domain'; value: string; created_by: string; created_at: unknown };
const map = (r: Raw): NeverLogRow => ({
  id: r.id,
  orgId: r.org_id,
  userId: r.user_id,
  kind: r.kind,
  value: r.value,
  createdBy: r.created_by,
  createdAt: toIso(r.created_at),
});

export function neverLogRepository(q: Queryable) {
  return {
    /** Returns false when the same entry already exists (adding twice is not an error). */
    async insert(e: Omit<NeverLogRow, 'createdAt'>): Promise<boolean> {
      const rows = await q.query(
        `INSERT INTO never_log_entries (id, org_id, user_id, kind, value, created_by) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT DO NOTHING RETURNING id`,
        [e.id, e.orgId, e.userId, e.kind, e.value, e.createdBy],
      );
      return rows.length > 0;
    },
    async get(orgId: string, id: string): Promise<NeverLogRow | null> {
      const rows = await q.query<Raw>(`SELECT ${columns} FROM never_log_entries WHERE org_id = $1 AND id = $2`, [orgId, id]);
      return rows[0] ? map(rows[0]) : null;
    },
    async delete(id: string): Promise<void> {
      await q.query('DELETE FROM never_log_entries WHERE id = $1', [id]);
    },
    /** Organisation-wide entries and this user's own. */
    async listFor(orgId: string, userId: string): Promise<NeverLogRow[]> {
      const rows = await q.query<Raw>(
        `SELECT ${columns} FROM never_log_entries WHERE org_id = $1 AND (user_id IS NULL OR user_id = $2)
          ORDER BY user_id NULLS FIRST, kind, value`,
        [orgId, userId],
      );
      return rows.map(map);
    },
  };
}

import type { Department } from '../../../shared/schemas/department';
import type { Queryable } from '../database';
import { toIso, toNumber } from './row-mapping';

export type DepartmentRow = Department & { orgId: string; deleted: boolean };

const columns = 'id, org_id, name, version, updated_at, deleted_at';
type Raw = { id: string; org_id: string; name: string; version: unknown; updated_at: unknown; deleted_at: unknown };
const map = (r: Raw): DepartmentRow => ({
  id: r.id,
  orgId: r.org_id,
  name: r.name,
  version: toNumber(r.version),
  updatedAt: toIso(r.updated_at),
  deleted: r.deleted_at !== null,
});

export function departmentsRepository(q: Queryable) {
  return {
    async insert(orgId: string, id: string, name: string): Promise<void> {
      await q.query('INSERT INTO departments (id, org_id, name) VALUES ($1, $2, $3)', [id, orgId, name]);
    },
    async get(orgId: string, id: string): Promise<DepartmentRow | null> {
      const rows = await q.query<Raw>(`SELECT ${columns} FROM departments WHERE org_id = $1 AND id = $2`, [orgId, id]);
      return rows[0] ? map(rows[0]) : null;
    },
    async listByIds(orgId: string, ids: string[]): Promise<DepartmentRow[]> {
      const rows = await q.query<Raw>(`SELECT ${columns} FROM departments WHERE org_id = $1 AND id = ANY($2::uuid[])`, [
        orgId,
        ids,
      ]);
      return rows.map(map);
    },
    async listLive(orgId: string): Promise<DepartmentRow[]> {
      const rows = await q.query<Raw>(
        `SELECT ${columns} FROM departments WHERE org_id = $1 AND deleted_at IS NULL ORDER BY lower(name)`,
        [orgId],
      );
      return rows.map(map);
    },
    /** The live department with this name (case-insensitive), if any. */
    async findIdByName(orgId: string, name: string): Promise<string | null> {
      const rows = await q.query<{ id: string }>(
        'SELECT id FROM departments WHERE org_id = $1 AND lower(name) = lower($2) AND deleted_at IS NULL',
        [orgId, name],
      );
      return rows[0]?.id ?? null;
    },
    async rename(orgId: string, id: string, name: string): Promise<void> {
      await q.query(
        'UPDATE departments SET name = $3, version = version + 1, updated_at = now() WHERE org_id = $1 AND id = $2',
        [orgId, id, name],
      );
    },
    async softDelete(orgId: string, id: string): Promise<void> {
      await q.query(
        `UPDATE departments SET deleted_at = now(), version = version + 1, updated_at = now()
          WHERE org_id = $1 AND id = $2 AND deleted_at IS NULL`,
        [orgId, id],
      );
    },
  };
}

import type { CustomFieldDefinition, CustomFieldDefinitionSave } from '../../../shared/schemas/custom-field';
import type { Queryable } from '../database';
import { toIso } from './row-mapping';

export type CustomFieldDefinitionRow = CustomFieldDefinition & { orgId: string; deleted: boolean };

const columns = 'id, org_id, key, label, type, options, position, version, updated_at, deleted_at';
type Raw = {
  id: string;
  org_id: string;
  key: string;
  label: string;
  type: CustomFieldDefinition['type'];
  options: string[];
  position: number;
  version: number;
  updated_at: unknown;
  deleted_at: unknown;
};
const map = (r: Raw): CustomFieldDefinitionRow => ({
  id: r.id,
  orgId: r.org_id,
  key: r.key,
  label: r.label,
  type: r.type,
  options: r.options,
  position: Number(r.position),
  version: Number(r.version),
  updatedAt: toIso(r.updated_at),
  deleted: r.deleted_at !== null,
});

export function customFieldDefinitionsRepository(q: Queryable) {
  return {
    /** Any organisation: only to tell "id already taken" apart from "free". */
    async exists(id: string): Promise<boolean> {
      return (await q.query('SELECT 1 FROM custom_field_definitions WHERE id = $1', [id])).length > 0;
    },
    async get(orgId: string, id: string): Promise<CustomFieldDefinitionRow | null> {
      const rows = await q.query<Raw>(`SELECT ${columns} FROM custom_field_definitions WHERE org_id = $1 AND id = $2`, [
        orgId,
        id,
      ]);
      return rows[0] ? map(rows[0]) : null;
    },
    /** The organisation's live definitions, in display order. */
    async listLive(orgId: string): Promise<CustomFieldDefinitionRow[]> {
      const rows = await q.query<Raw>(
        `SELECT ${columns} FROM custom_field_definitions WHERE org_id = $1 AND deleted_at IS NULL
          ORDER BY position, key`,
        [orgId],
      );
      return rows.map(map);
    },
    async listByIds(orgId: string, ids: string[]): Promise<CustomFieldDefinitionRow[]> {
      const rows = await q.query<Raw>(
        `SELECT ${columns} FROM custom_field_definitions WHERE org_id = $1 AND id = ANY($2::uuid[])`,
        [orgId, ids],
      );
      return rows.map(map);
    },
    async insert(orgId: string, d: CustomFieldDefinitionSave): Promise<void> {
      await q.query(
        `INSERT INTO custom_field_definitions (id, org_id, key, label, type, options, position)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [d.id, orgId, d.key, d.label, d.type, d.options, d.position],
      );
    },
    /** Everything but the key, which names the stored values and never changes. */
    async update(orgId: string, d: CustomFieldDefinitionSave): Promise<void> {
      await q.query(
        `UPDATE custom_field_definitions
            SET label = $3, type = $4, options = $5, position = $6, version = version + 1, updated_at = now()
          WHERE org_id = $1 AND id = $2`,
        [orgId, d.id, d.label, d.type, d.options, d.position],
      );
    },
    async softDelete(orgId: string, id: string): Promise<void> {
      await q.query(
        `UPDATE custom_field_definitions SET deleted_at = now(), updated_at = now(), version = version + 1
          WHERE org_id = $1 AND id = $2 AND deleted_at IS NULL`,
        [orgId, id],
      );
    },
  };
}

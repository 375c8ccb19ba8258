import type { Queryable } from '../database';
import { toIso, toIsoOrNull, toNumber } from './row-mapping';

/**
 * Reading and writing one synced record type whose fields map one-to-one onto columns (issue 4's
 * follow-ups, service items and visits). Each record type states its columns once; SELECT lists,
 * casts, INSERT and field-level UPDATE come from that, instead of a hand-written copy per table.
 */
export type ColumnKind = 'value' | 'instant' | 'instant?' | 'jsonb' | 'uuid[]' | 'int?';
export type ColumnSpec = { column: string; kind: ColumnKind };

/** The fields every synced record has and the table keeps itself. */
type Managed = 'id' | 'createdAt' | 'updatedAt' | 'version';
export type StoredRecord<R> = R & { orgId: string; deleted: boolean };

export function recordTable<R extends { id: string; createdAt: string; updatedAt: string; version: number }>(
  table: string,
  spec: { [K in Exclude<keyof R, Managed>]-?: ColumnSpec },
) {
  const fields = Object.entries(spec) as [Exclude<keyof R, Managed>, ColumnSpec][];
  // node-postgres has no parser for uuid[] on every version (see timeline-items.ts).
  const select = [
    'id, org_id, version, created_at, updated_at, deleted_at',
    ...fields.map(([, c]) => (c.kind === 'uuid[]' ? `${c.column}::text[] AS ${c.column}` : c.column)),
  ].join(', ');

  const read = (raw: Record<string, unknown>): StoredRecord<R> => {
    const row: Record<string, unknown> = {
      id: raw.id,
      orgId: raw.org_id,
      version: toNumber(raw.version),
      createdAt: toIso(raw.created_at),
      updatedAt: toIso(raw.updated_at),
      deleted: raw.deleted_at !== null,
    };
    for (const [field, c] of fields) {
      const value = raw[c.column];
      row[field as string] =
        c.kind === 'instant'
          ? toIso(value)
          : c.kind === 'instant?'
            ? toIsoOrNull(value)
            : c.kind === 'int?'
              ? value === null ? null : toNumber(value)
              : value;
    }
    return row as StoredRecord<R>;
  };

  const cast = (c: ColumnSpec, placeholder: string) =>
    c.kind === 'jsonb' ? `${placeholder}::jsonb` : c.kind === 'uuid[]' ? `${placeholder}::uuid[]` : placeholder;
  const param = (c: ColumnSpec, value: unknown) => (c.kind === 'jsonb' ? JSON.stringify(value) : value);

  return (q: Queryable) => ({
    async get(orgId: string, id: string): Promise<StoredRecord<R> | null> {
      const rows = await q.query(`SELECT ${select} FROM ${table} WHERE org_id = $1 AND id = $2`, [orgId, id]);
      return rows[0] ? read(rows[0]) : null;
    },
    /** Any organisation: only to tell "id already taken" apart from "free". */
    async exists(id: string): Promise<boolean> {
      return (await q.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id])).length > 0;
    },
    async listByIds(orgId: string, ids: string[]): Promise<StoredRecord<R>[]> {
      const rows = await q.query(`SELECT ${select} FROM ${table} WHERE org_id = $1 AND id = ANY($2::uuid[])`, [orgId, ids]);
      return rows.map(read);
    },
    /** Rows matching a WHERE clause over the table's columns (params from $2; $1 is the organisation). */
    async listWhere(orgId: string, where: string, params: unknown[] = [], tail = ''): Promise<StoredRecord<R>[]> {
      const rows = await q.query(`SELECT ${select} FROM ${table} WHERE org_id = $1 AND (${where}) ${tail}`, [orgId, ...params]);
      return rows.map(read);
    },
    /**
     * Inserts a new record; `extra` sets columns that are not record fields (a rule's dedupe key).
     * With `ifAbsent`, a conflicting unique key leaves the existing row: returns false then.
     */
    async insert(
      orgId: string,
      row: Omit<R, 'createdAt' | 'updatedAt' | 'version'>,
      options: { extra?: Record<string, unknown>; ifAbsent?: boolean } = {},
    ): Promise<boolean> {
      const columns = ['id', 'org_id'];
      const values: string[] = ['$1', '$2'];
      const params: unknown[] = [row.id, orgId];
      for (const [field, c] of fields) {
        params.push(param(c, (row as Record<string, unknown>)[field as string]));
        columns.push(c.column);
        values.push(cast(c, `$${params.length}`));
      }
      for (const [column, value] of Object.entries(options.extra ?? {})) {
        params.push(value);
        columns.push(column);
        values.push(`$${params.length}`);
      }
      const conflict = options.ifAbsent ? ' ON CONFLICT DO NOTHING RETURNING id' : ' RETURNING id';
      const inserted = await q.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${values.join(', ')})${conflict}`, params);
      return inserted.length > 0;
    },
    /** Sets the fields given (last writer wins per field) and bumps the version. */
    async update(orgId: string, id: string, patch: Partial<Omit<R, Managed>>): Promise<void> {
      const sets: string[] = [];
      const params: unknown[] = [orgId, id];
      for (const [field, c] of fields) {
        const value = (patch as Record<string, unknown>)[field as string];
        if (value === undefined) continue;
        params.push(param(c, value));
        sets.push(`${c.column} = ${cast(c, `$${params.length}`)}`);
      }
      if (sets.length === 0) return;
      await q.query(
        `UPDATE ${table} SET ${sets.join(', ')}, version = version + 1, updated_at = now() WHERE org_id = $1 AND id = $2`,
        params,
      );
    },
    /** Soft-deletes every live record of a customer (the customer was deleted); returns their ids. */
    async softDeleteByCustomer(orgId: string, customerId: string): Promise<string[]> {
      const rows = await q.query<{ id: string }>(
        `UPDATE ${table} SET deleted_at = now(), updated_at = now(), version = version + 1
          WHERE org_id = $1 AND customer_id = $2 AND deleted_at IS NULL RETURNING id`,
        [orgId, customerId],
      );
      return rows.map((r) => r.id).sort();
    },
  });
}

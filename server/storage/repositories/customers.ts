import {
  EMPTY_CUSTOMER_FIELDS,
  type Customer,
  type CustomerCreate,
  type CustomerGroup,
  type CustomerPatch,
} from '../../../shared/schemas/customer';
import type { AccessViewer, CustomerAccessFacts } from '../../../shared/domain/access';
import type { Queryable } from '../database';
import { toIso } from './row-mapping';

export type CustomerRow = Customer & { orgId: string; deleted: boolean };
export type CustomerFacts = CustomerAccessFacts & { id: string; deleted: boolean };

/**
 * "May this viewer see the customer at all" in SQL, for listing without reading every row. It
 * must say exactly what shared/domain/access.ts customerAccess says is not 'none' (a property
 * test in test/integration/visibility.test.ts checks the two agree). Parameters from `$first`.
 */
export function visibleCustomerSql(viewer: AccessViewer, first: number): { sql: string; params: unknown[] } {
  if (viewer.role === 'admin' || viewer.role === 'support_lead') return { sql: 'TRUE', params: [] };
  const mine = `(owner_user_id = $${first} OR $${first} = ANY(shared_with))`;
  if (viewer.role === 'manager' && viewer.departmentId !== null) {
    return { sql: `(${mine} OR department_id = $${first + 1})`, params: [viewer.id, viewer.departmentId] };
  }
  return { sql: mine, params: [viewer.id] };
}

// Patch keys → columns. Fixed maps (never user text) are what go into the SQL.
const scalarColumns = {
  name: 'name',
  code: 'code',
  shortNames: 'short_names',
  customerClass: 'customer_class',
  valueTier: 'value_tier',
  pyramidStage: 'pyramid_stage',
  keyAccount: 'key_account',
  keyAccountScore: 'key_account_score',
  relationshipStage: 'relationship_stage',
  leadSource: 'lead_source',
  winBackStatus: 'win_back_status',
  ownerUserId: 'owner_user_id',
  departmentId: 'department_id',
  sharedWith: 'shared_with',
  emailDomains: 'email_domains',
  taxNumber: 'tax_number',
  tags: 'tags',
} as const satisfies Record<Exclude<keyof CustomerPatch, CustomerGroup>, string>;
/** jsonb groups: a patch is merged into the stored object per sub-field. */
const groupColumns = {
  profile: 'profile',
  valueCard: 'value_card',
  needs: 'needs',
  sensitive: 'sensitive',
} as const satisfies Record<Exclude<CustomerGroup, 'customFields'>, string>;

// shared_with cast to text[]: node-postgres has no parser for uuid[] on every version.
const selectable = (col: string) => (col === 'shared_with' ? 'shared_with::text[] AS shared_with' : col);
const columns = `id, org_id, ${Object.values(scalarColumns).map(selectable).join(', ')}, ${Object.values(groupColumns).join(', ')},
  custom_fields, version, created_at, updated_at, deleted_at`;
type Raw = Record<string, unknown> & { id: string; org_id: string; deleted_at: unknown };

function map(r: Raw): CustomerRow {
  const scalars = Object.fromEntries(Object.entries(scalarColumns).map(([key, col]) => [key, r[col]]));
  const groups = Object.fromEntries(
    Object.entries(groupColumns).map(([key, col]) => [
      key,
      // Laid over the current empty group: sub-fields added after a row was written read as empty.
      { ...EMPTY_CUSTOMER_FIELDS[key as keyof typeof groupColumns], ...(r[col] as object) },
    ]),
  );
  return {
    ...(scalars as Pick<Customer, keyof typeof scalarColumns>),
    ...(groups as Pick<Customer, keyof typeof groupColumns>),
    // numeric arrives as a string from both drivers.
    keyAccountScore: r.key_account_score === null ? null : Number(r.key_account_score),
    customFields: r.custom_fields as Customer['customFields'],
    id: r.id,
    orgId: r.org_id,
    version: Number(r.version),
    createdAt: toIso(r.created_at),
    updatedAt: toIso(r.updated_at),
    deleted: r.deleted_at !== null,
  };
}

export function customersRepository(q: Queryable) {
  return {
    async insert(orgId: string, c: CustomerCreate): Promise<void> {
      const scalarKeys = Object.keys(scalarColumns) as (keyof typeof scalarColumns)[];
      const groupKeys = Object.keys(groupColumns) as (keyof typeof groupColumns)[];
      const params: unknown[] = [
        c.id,
        orgId,
        ...scalarKeys.map((k) => c[k]),
        ...groupKeys.map((k) => JSON.stringify(c[k])),
        JSON.stringify(c.customFields),
      ];
      const cols = [
        'id',
        'org_id',
        ...scalarKeys.map((k) => scalarColumns[k]),
        ...groupKeys.map((k) => groupColumns[k]),
      ];
      const values = params.map((_, i) => (i >= 2 + scalarKeys.length ? `$${i + 1}::jsonb` : `$${i + 1}`));
      await q.query(`INSERT INTO customers (${cols.join(', ')}, custom_fields) VALUES (${values.join(', ')})`, params);
    },
    /** Any organisation: only to tell "id already taken" apart from "free". */
    async exists(id: string): Promise<boolean> {
      return (await q.query('SELECT 1 FROM customers WHERE id = $1', [id])).length > 0;
    },
    async get(orgId: string, id: string): Promise<CustomerRow | null> {
      const rows = await q.query<Raw>(`SELECT ${columns} FROM customers WHERE org_id = $1 AND id = $2`, [orgId, id]);
      return rows[0] ? map(rows[0]) : null;
    },
    async listByIds(orgId: string, ids: string[]): Promise<CustomerRow[]> {
      const rows = await q.query<Raw>(`SELECT ${columns} FROM customers WHERE org_id = $1 AND id = ANY($2::uuid[])`, [
        orgId,
        ids,
      ]);
      return rows.map(map);
    },
    /** Live customers the viewer may see, in id order (uuid v7: creation order), keyset-paged. */
    async listPage(orgId: string, viewer: AccessViewer, afterId: string | null, limit: number): Promise<CustomerRow[]> {
      const visible = visibleCustomerSql(viewer, 4);
      const rows = await q.query<Raw>(
        `SELECT ${columns} FROM customers
          WHERE org_id = $1 AND deleted_at IS NULL AND ($2::uuid IS NULL OR id > $2::uuid) AND ${visible.sql}
          ORDER BY id LIMIT $3`,
        [orgId, afterId, limit, ...visible.params],
      );
      return rows.map(map);
    },
    /** What decides who sees each customer (one query for a whole pull page). */
    async accessFacts(orgId: string, ids: string[]): Promise<Map<string, CustomerFacts>> {
      const rows = await q.query<{ id: string; owner_user_id: string | null; department_id: string | null; shared_with: string[]; deleted_at: unknown }>(
        `SELECT id, owner_user_id, department_id, shared_with::text[] AS shared_with, deleted_at
           FROM customers WHERE org_id = $1 AND id = ANY($2::uuid[])`,
        [orgId, ids],
      );
      return new Map(
        rows.map((r) => [
          r.id,
          { id: r.id, ownerUserId: r.owner_user_id, departmentId: r.department_id, sharedWith: r.shared_with, deleted: r.deleted_at !== null },
        ]),
      );
    },
    /** Live customers of one owner (bulk hand-over). */
    async listIdsByOwner(orgId: string, ownerUserId: string): Promise<string[]> {
      const rows = await q.query<{ id: string }>(
        'SELECT id FROM customers WHERE org_id = $1 AND owner_user_id = $2 AND deleted_at IS NULL ORDER BY id',
        [orgId, ownerUserId],
      );
      return rows.map((r) => r.id);
    },
    /** Live customers of a department (a department is deleted only when it has none). */
    async countInDepartment(orgId: string, departmentId: string): Promise<number> {
      const rows = await q.query<{ n: unknown }>(
        'SELECT count(*) AS n FROM customers WHERE org_id = $1 AND department_id = $2 AND deleted_at IS NULL',
        [orgId, departmentId],
      );
      return Number(rows[0]?.n ?? 0);
    },
    /** The live customer holding this code, if any. */
    async findIdByCode(orgId: string, code: string): Promise<string | null> {
      const rows = await q.query<{ id: string }>(
        'SELECT id FROM customers WHERE org_id = $1 AND code = $2 AND deleted_at IS NULL',
        [orgId, code],
      );
      return rows[0]?.id ?? null;
    },
    /** Live customers owning a mail domain (matching by domain). */
    async listIdsByDomain(orgId: string, domain: string): Promise<string[]> {
      const rows = await q.query<{ id: string }>(
        `SELECT id FROM customers WHERE org_id = $1 AND deleted_at IS NULL AND email_domains @> ARRAY[$2]::text[]
          ORDER BY id`,
        [orgId, domain],
      );
      return rows.map((r) => r.id);
    },
    async applyPatch(orgId: string, id: string, patch: CustomerPatch): Promise<void> {
      const sets: string[] = [];
      const params: unknown[] = [orgId, id];
      const next = (value: unknown) => (params.push(value), `$${params.length}`);
      for (const key of Object.keys(scalarColumns) as (keyof typeof scalarColumns)[]) {
        if (patch[key] !== undefined) sets.push(`${scalarColumns[key]} = ${next(patch[key])}`);
      }
      for (const key of Object.keys(groupColumns) as (keyof typeof groupColumns)[]) {
        const col = groupColumns[key];
        if (patch[key] !== undefined) sets.push(`${col} = ${col} || ${next(JSON.stringify(patch[key]))}::jsonb`);
      }
      if (patch.customFields !== undefined) {
        const entries = Object.entries(patch.customFields);
        const set = Object.fromEntries(entries.filter(([, v]) => v !== null));
        const removed = entries.filter(([, v]) => v === null).map(([k]) => k);
        sets.push(`custom_fields = (custom_fields || ${next(JSON.stringify(set))}::jsonb) - ${next(removed)}::text[]`);
      }
      await q.query(
        `UPDATE customers SET ${sets.join(', ')}, version = version + 1, updated_at = now()
          WHERE org_id = $1 AND id = $2`,
        params,
      );
    },
    async softDelete(orgId: string, id: string): Promise<void> {
      await q.query(
        `UPDATE customers SET deleted_at = now(), updated_at = now(), version = version + 1
          WHERE org_id = $1 AND id = $2 AND deleted_at IS NULL`,
        [orgId, id],
      );
    },
  };
}

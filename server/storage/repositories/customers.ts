import type { Customer, CustomerCreate, CustomerPatch } from '../../../shared/schemas/customer';
import type { Queryable } from '../database';
import { toIso } from './row-mapping';

export type CustomerRow = Customer & { orgId: string; deleted: boolean };

const columns = `id, org_id, name, customer_class, owner_user_id, email_domains, version, created_at, updated_at,
  deleted_at`;
type Raw = {
  id: string;
  org_id: string;
  name: string;
  customer_class: Customer['customerClass'];
  owner_user_id: string | null;
  email_domains: string[];
  version: number;
  created_at: unknown;
  updated_at: unknown;
  deleted_at: unknown;
};
const map = (r: Raw): CustomerRow => ({
  id: r.id,
  orgId: r.org_id,
  name: r.name,
  customerClass: r.customer_class,
  ownerUserId: r.owner_user_id,
  emailDomains: r.email_domains,
  version: Number(r.version),
  createdAt: toIso(r.created_at),
  updatedAt: toIso(r.updated_at),
  deleted: r.deleted_at !== null,
});

// Patch keys → columns. A fixed map (never user text) is what goes into the SQL.
const patchColumns = {
  name: 'name',
  customerClass: 'customer_class',
  ownerUserId: 'owner_user_id',
  emailDomains: 'email_domains',
} as const satisfies Record<keyof CustomerPatch, string>;

export function customersRepository(q: Queryable) {
  return {
    async insert(orgId: string, c: CustomerCreate): Promise<void> {
      await q.query(
        `INSERT INTO customers (id, org_id, name, customer_class, owner_user_id, email_domains)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [c.id, orgId, c.name, c.customerClass, c.ownerUserId, c.emailDomains],
      );
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
      const rows = await q.query<Raw>(
        `SELECT ${columns} FROM customers WHERE org_id = $1 AND id = ANY($2::uuid[])`,
        [orgId, ids],
      );
      return rows.map(map);
    },
    /** Live customers in id order (uuid v7: creation order), keyset-paged. */
    async listPage(orgId: string, afterId: string | null, limit: number): Promise<CustomerRow[]> {
      const rows = await q.query<Raw>(
        `SELECT ${columns} FROM customers
          WHERE org_id = $1 AND deleted_at IS NULL AND ($2::uuid IS NULL OR id > $2::uuid)
          ORDER BY id LIMIT $3`,
        [orgId, afterId, limit],
      );
      return rows.map(map);
    },
    async applyPatch(orgId: string, id: string, patch: CustomerPatch): Promise<void> {
      const sets: string[] = [];
      const params: unknown[] = [orgId, id];
      for (const key of Object.keys(patchColumns) as (keyof CustomerPatch)[]) {
        if (patch[key] === undefined) continue;
        params.push(patch[key]);
        sets.push(`${patchColumns[key]} = $${params.length}`);
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

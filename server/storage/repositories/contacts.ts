import type { Contact } from '../../../shared/schemas/contact';
import type { Queryable } from '../database';
import { toIso } from './row-mapping';

export type ContactRow = Contact & { orgId: string; deleted: boolean };

const columns = 'id, org_id, customer_id, name, emails, version, created_at, updated_at, deleted_at';
type Raw = {
  id: string;
  org_id: string;
  customer_id: string;
  name: string;
  emails: string[];
  version: number;
  created_at: unknown;
  updated_at: unknown;
  deleted_at: unknown;
};
const map = (r: Raw): ContactRow => ({
  id: r.id,
  orgId: r.org_id,
  customerId: r.customer_id,
  name: r.name,
  emails: r.emails,
  version: Number(r.version),
  createdAt: toIso(r.created_at),
  updatedAt: toIso(r.updated_at),
  deleted: r.deleted_at !== null,
});

export function contactsRepository(q: Queryable) {
  return {
    /** `emails` must already be normalised (shared/domain/email). */
    async insert(orgId: string, c: { id: string; customerId: string; name: string; emails: string[] }) {
      await q.query('INSERT INTO contacts (id, org_id, customer_id, name, emails) VALUES ($1, $2, $3, $4, $5)', [
        c.id,
        orgId,
        c.customerId,
        c.name,
        c.emails,
      ]);
    },
    async exists(id: string): Promise<boolean> {
      return (await q.query('SELECT 1 FROM contacts WHERE id = $1', [id])).length > 0;
    },
    async listByIds(orgId: string, ids: string[]): Promise<ContactRow[]> {
      const rows = await q.query<Raw>(`SELECT ${columns} FROM contacts WHERE org_id = $1 AND id = ANY($2::uuid[])`, [
        orgId,
        ids,
      ]);
      return rows.map(map);
    },
    /** Soft-deletes a customer's live contacts and returns their ids (each needs a tombstone). */
    async softDeleteByCustomer(orgId: string, customerId: string): Promise<string[]> {
      const rows = await q.query<{ id: string }>(
        `UPDATE contacts SET deleted_at = now(), updated_at = now(), version = version + 1
          WHERE org_id = $1 AND customer_id = $2 AND deleted_at IS NULL RETURNING id`,
        [orgId, customerId],
      );
      return rows.map((r) => r.id).sort();
    },
  };
}

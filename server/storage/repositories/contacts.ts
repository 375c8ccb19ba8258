import { matchKeyOf } from '../../../shared/domain/email';
import type { Contact, ContactCreate, ContactPatch } from '../../../shared/schemas/contact';
import type { Queryable } from '../database';
import { toIso } from './row-mapping';

export type ContactRow = Contact & { orgId: string; deleted: boolean };

// Patch keys → columns. A fixed map (never user text) is what goes into the SQL.
const patchColumns = {
  customerId: 'customer_id',
  name: 'name',
  title: 'title',
  emails: 'emails',
  phones: 'phones',
  buyingRole: 'buying_role',
  relationshipStrength: 'relationship_strength',
  preferredChannel: 'preferred_channel',
  birthday: 'birthday',
  notes: 'notes',
} as const satisfies Record<keyof ContactPatch, string>;

const columns = `id, org_id, ${Object.values(patchColumns).join(', ')}, version, created_at, updated_at, deleted_at`;
type Raw = Record<string, unknown> & { id: string; org_id: string; deleted_at: unknown };

function map(r: Raw): ContactRow {
  const fields = Object.fromEntries(Object.entries(patchColumns).map(([key, col]) => [key, r[col]]));
  return {
    ...(fields as Omit<Contact, 'id' | 'version' | 'createdAt' | 'updatedAt'>),
    relationshipStrength: r.relationship_strength === null ? null : Number(r.relationship_strength),
    id: r.id,
    orgId: r.org_id,
    version: Number(r.version),
    createdAt: toIso(r.created_at),
    updatedAt: toIso(r.updated_at),
    deleted: r.deleted_at !== null,
  };
}

/** The match keys of a contact's addresses (shared/domain/email), in order, without repeats. */
const emailKeysOf = (emails: readonly string[]) => [...new Set(emails.map(matchKeyOf))];

export function contactsRepository(q: Queryable) {
  return {
    /** `emails` must already be normalised (shared/domain/email); the match keys follow them. */
    async insert(orgId: string, c: ContactCreate): Promise<void> {
      const keys = Object.keys(patchColumns) as (keyof typeof patchColumns)[];
      const params: unknown[] = [c.id, orgId, ...keys.map((k) => c[k]), emailKeysOf(c.emails)];
      const cols = ['id', 'org_id', ...keys.map((k) => patchColumns[k]), 'email_keys'];
      await q.query(
        `INSERT INTO contacts (${cols.join(', ')}) VALUES (${params.map((_, i) => `$${i + 1}`).join(', ')})`,
        params,
      );
    },
    async exists(id: string): Promise<boolean> {
      return (await q.query('SELECT 1 FROM contacts WHERE id = $1', [id])).length > 0;
    },
    async get(orgId: string, id: string): Promise<ContactRow | null> {
      const rows = await q.query<Raw>(`SELECT ${columns} FROM contacts WHERE org_id = $1 AND id = $2`, [orgId, id]);
      return rows[0] ? map(rows[0]) : null;
    },
    async listByIds(orgId: string, ids: string[]): Promise<ContactRow[]> {
      if (ids.length === 0) return []; // most notes name no contact: no round trip
      const rows = await q.query<Raw>(`SELECT ${columns} FROM contacts WHERE org_id = $1 AND id = ANY($2::uuid[])`, [
        orgId,
        ids,
      ]);
      return rows.map(map);
    },
    /** Live contacts holding an address with this match key (shared/domain/email matchKeyOf). */
    async listByEmailKey(orgId: string, key: string): Promise<{ id: string; customerId: string }[]> {
      const rows = await q.query<{ id: string; customer_id: string }>(
        `SELECT id, customer_id FROM contacts
          WHERE org_id = $1 AND deleted_at IS NULL AND email_keys @> ARRAY[$2]::text[] ORDER BY id`,
        [orgId, key],
      );
      return rows.map((r) => ({ id: r.id, customerId: r.customer_id }));
    },
    /** Only the fields present are written; new `emails` (normalised) bring their match keys. */
    async applyPatch(orgId: string, id: string, patch: ContactPatch): Promise<void> {
      const sets: string[] = [];
      const params: unknown[] = [orgId, id];
      const next = (value: unknown) => (params.push(value), `$${params.length}`);
      for (const key of Object.keys(patchColumns) as (keyof ContactPatch)[]) {
        if (patch[key] !== undefined) sets.push(`${patchColumns[key]} = ${next(patch[key])}`);
      }
      if (patch.emails !== undefined) sets.push(`email_keys = ${next(emailKeysOf(patch.emails))}`);
      await q.query(
        `UPDATE contacts SET ${sets.join(', ')}, version = version + 1, updated_at = now()
          WHERE org_id = $1 AND id = $2`,
        params,
      );
    },
    async softDelete(orgId: string, id: string): Promise<void> {
      await q.query(
        `UPDATE contacts SET deleted_at = now(), updated_at = now(), version = version + 1
          WHERE org_id = $1 AND id = $2 AND deleted_at IS NULL`,
        [orgId, id],
      );
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

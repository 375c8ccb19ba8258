import { matchKeyOf } from '../../../shared/domain/email';
import type { ContactCreate } from '../../../shared/schemas/contact';
import type { CustomerCreate } from '../../../shared/schemas/customer';
import type { Member, Role } from '../../../shared/schemas/member';
import type { Queryable } from '../database';
import { toNumber } from './row-mapping';
import type { NewTimelineItem } from './timeline-items';

export type CustomerKeys = {
  id: string;
  name: string;
  code: string | null;
  taxNumber: string | null;
  emailDomains: string[];
  version: number;
  /** Issue 4: who an imported open item goes to when the file names nobody. */
  ownerUserId: string | null;
};

const CHUNK = 2000;
const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Reads and bulk writes of CSV/Excel import. Writes take thousands of rows per statement
 * (jsonb_populate_recordset over the table's own row type): one INSERT per row would cost
 * 10,000 round trips for a 10,000-row file (issue 3: import_10k_s ≤ 10 s on PGlite).
 */
export function importDataRepository(q: Queryable) {
  /**
   * Rows as JSON objects keyed by column name (camelCase field → snake_case column). Every key
   * must be a column of the table, checked against the catalog, so a field whose column is
   * spelled differently fails loudly here instead of being dropped by jsonb_populate_recordset.
   */
  async function insertRows(table: 'customers' | 'contacts' | 'timeline_items', rows: Record<string, unknown>[]) {
    if (rows.length === 0) return;
    const cols = Object.keys(rows[0]!);
    const existing = await q.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`,
      [table],
    );
    const known = new Set(existing.map((c) => c.column_name));
    const missing = cols.filter((c) => !known.has(c));
    if (missing.length > 0) throw new Error(`import: ${table} has no column ${missing.join(', ')}`);
    const list = cols.join(', ');
    for (let i = 0; i < rows.length; i += CHUNK) {
      await q.query(
        `INSERT INTO ${table} (${list}) SELECT ${list} FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)`,
        [JSON.stringify(rows.slice(i, i + CHUNK))],
      );
    }
  }

  return {
    /** Active members: an import may name them as owners. */
    async members(orgId: string): Promise<Member[]> {
      const rows = await q.query<{ id: string; email: string; display_name: string; role: Role; department_id: string | null }>(
        'SELECT id, email, display_name, role, department_id FROM users WHERE org_id = $1 AND deactivated_at IS NULL ORDER BY id',
        [orgId],
      );
      return rows.map((r) => ({ id: r.id, email: r.email, displayName: r.display_name, role: r.role, departmentId: r.department_id, active: true }));
    },
    /** Every live customer of the organisation, with what duplicate detection compares. */
    async customerKeys(orgId: string): Promise<CustomerKeys[]> {
      type Raw = {
        id: string;
        name: string;
        code: string | null;
        tax_number: string | null;
        email_domains: string[];
        version: unknown;
        owner_user_id: string | null;
      };
      const rows = await q.query<Raw>(
        `SELECT id, name, code, tax_number, email_domains, version, owner_user_id FROM customers WHERE org_id = $1 AND deleted_at IS NULL`,
        [orgId],
      );
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        code: r.code,
        taxNumber: r.tax_number,
        emailDomains: r.email_domains,
        version: toNumber(r.version),
        ownerUserId: r.owner_user_id,
      }));
    },
    /** Live contacts holding one of the address keys, or belonging to one of the customers. */
    async contactIds(orgId: string, emailKeys: string[], customerIds: string[]): Promise<string[]> {
      if (emailKeys.length === 0 && customerIds.length === 0) return [];
      const rows = await q.query<{ id: string }>(
        `SELECT id FROM contacts WHERE org_id = $1 AND deleted_at IS NULL
            AND (email_keys && $2::text[] OR customer_id = ANY($3::uuid[]))`,
        [orgId, emailKeys, customerIds],
      );
      return rows.map((r) => r.id);
    },
    /** id → version of the live rows among `ids`. */
    async liveVersions(table: 'customers' | 'contacts', orgId: string, ids: string[]): Promise<Map<string, number>> {
      if (ids.length === 0) return new Map();
      const rows = await q.query<{ id: string; version: unknown }>(
        `SELECT id, version FROM ${table} WHERE org_id = $1 AND deleted_at IS NULL AND id = ANY($2::uuid[])`,
        [orgId, ids],
      );
      return new Map(rows.map((r) => [r.id, toNumber(r.version)]));
    },
    /** Live customers holding any of these codes or tax numbers. */
    async customersHolding(orgId: string, codes: string[], taxNumbers: string[]) {
      if (codes.length === 0 && taxNumbers.length === 0) return [];
      return q.query<{ id: string; name: string; code: string | null; tax_number: string | null }>(
        `SELECT id, name, code, tax_number FROM customers WHERE org_id = $1 AND deleted_at IS NULL
            AND (code = ANY($2::text[]) OR tax_number = ANY($3::text[]))`,
        [orgId, codes, taxNumbers],
      );
    },
    async insertCustomers(orgId: string, customers: CustomerCreate[]): Promise<void> {
      await insertRows(
        'customers',
        customers.map((c) => ({ ...Object.fromEntries(Object.entries(c).map(([k, v]) => [snake(k), v])), org_id: orgId })),
      );
    },
    /** `emails` must already be normalised; their match keys are stored beside them. */
    async insertContacts(orgId: string, contacts: ContactCreate[]): Promise<void> {
      await insertRows(
        'contacts',
        contacts.map((c) => ({
          ...Object.fromEntries(Object.entries(c).map(([k, v]) => [snake(k), v])),
          org_id: orgId,
          email_keys: [...new Set(c.emails.map(matchKeyOf))],
        })),
      );
    },
    /** Imported customers belong to their owner's department (shared/domain/access.ts). */
    async departmentsFromOwners(orgId: string, customerIds: string[]): Promise<void> {
      if (customerIds.length === 0) return;
      await q.query(
        `UPDATE customers c SET department_id = u.department_id
           FROM users u
          WHERE c.org_id = $1 AND c.id = ANY($2::uuid[]) AND u.id = c.owner_user_id
            AND c.department_id IS DISTINCT FROM u.department_id`,
        [orgId, customerIds],
      );
    },
    async insertTimelineItems(orgId: string, items: NewTimelineItem[]): Promise<void> {
      await insertRows(
        'timeline_items',
        items.map((t) => ({ ...Object.fromEntries(Object.entries(t).map(([k, v]) => [snake(k), v])), org_id: orgId })),
      );
    },
  };
}

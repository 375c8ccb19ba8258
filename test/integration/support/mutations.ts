import type { CustomerPatch } from '../../../shared/schemas/customer';
import type { Mutation } from '../../../shared/schemas/sync';
import { newId } from './ids';

/** Mutations as the extension's outbox sends them (input form: defaults may be omitted). */
export const m = {
  createCustomer: (name: string, extra: { id?: string; emailDomains?: string[]; ownerUserId?: string | null } = {}) =>
    ({
      id: newId(),
      baseVersion: null,
      kind: 'customer.create',
      payload: {
        id: extra.id ?? newId(),
        name,
        customerClass: null,
        ownerUserId: extra.ownerUserId ?? null,
        emailDomains: extra.emailDomains ?? [],
      },
    }) satisfies Mutation,
  updateCustomer: (id: string, patch: CustomerPatch, baseVersion = 1) =>
    ({ id: newId(), baseVersion, kind: 'customer.update', payload: { id, patch } }) satisfies Mutation,
  deleteCustomer: (id: string) => ({ id: newId(), baseVersion: null, kind: 'customer.delete', payload: { id } }) satisfies Mutation,
  createContact: (customerId: string, name: string, emails: string[]) =>
    ({ id: newId(), baseVersion: null, kind: 'contact.create', payload: { id: newId(), customerId, name, emails } }) satisfies Mutation,
  createNote: (customerId: string, summary: string, contactIds: string[] = []) =>
    ({
      id: newId(),
      baseVersion: null,
      kind: 'note.create',
      payload: {
        id: newId(),
        customerId,
        summary,
        occurredAt: '2026-03-01T09:30:00+08:00',
        contactIds,
        sourceRef: null,
      },
    }) satisfies Mutation,
};

/** Row counts of everything a push can write. */
const COUNTED_TABLES = ['customers', 'contacts', 'timeline_items', 'applied_mutations', 'change_log'] as const;

export async function countRows(db: { query<T>(sql: string): Promise<T[]> }) {
  const counts = {} as Record<(typeof COUNTED_TABLES)[number], number>;
  for (const table of COUNTED_TABLES) {
    const [row] = await db.query<{ n: unknown }>(`SELECT count(*) AS n FROM ${table}`);
    counts[table] = Number(row!.n);
  }
  return counts;
}

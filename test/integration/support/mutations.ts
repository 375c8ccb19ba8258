import type { MutationInput, MutationResult } from '../../../shared/schemas/sync';
import { newId } from './ids';

export type PayloadOf<K extends MutationInput['kind']> = Extract<MutationInput, { kind: K }>['payload'];

/** A mutation of one kind as the extension's outbox sends it, with no base version. */
export const mutation = <K extends MutationInput['kind']>(kind: K, payload: PayloadOf<K>) =>
  ({ id: newId(), baseVersion: null, kind, payload }) as Extract<MutationInput, { kind: K }>;
type CustomerPatchInput = PayloadOf<'customer.update'>['patch'];
type ContactPatchInput = PayloadOf<'contact.update'>['patch'];

/** Mutations as the extension's outbox sends them (input form: creates may leave fields out). */
export const m = {
  createCustomer: (name: string, extra: Partial<Omit<PayloadOf<'customer.create'>, 'name'>> = {}) =>
    ({
      id: newId(),
      baseVersion: null,
      kind: 'customer.create',
      payload: { ...extra, id: extra.id ?? newId(), name },
    }) satisfies MutationInput,
  updateCustomer: (id: string, patch: CustomerPatchInput, baseVersion = 1) =>
    ({ id: newId(), baseVersion, kind: 'customer.update', payload: { id, patch } }) satisfies MutationInput,
  deleteCustomer: (id: string) =>
    ({ id: newId(), baseVersion: null, kind: 'customer.delete', payload: { id } }) satisfies MutationInput,
  createContact: (
    customerId: string,
    name: string,
    emails: string[],
    extra: Partial<Omit<PayloadOf<'contact.create'>, 'customerId' | 'name' | 'emails'>> = {},
  ) =>
    ({
      id: newId(),
      baseVersion: null,
      kind: 'contact.create',
      payload: { ...extra, id: extra.id ?? newId(), customerId, name, emails },
    }) satisfies MutationInput,
  updateContact: (id: string, patch: ContactPatchInput, baseVersion = 1) =>
    ({ id: newId(), baseVersion, kind: 'contact.update', payload: { id, patch } }) satisfies MutationInput,
  deleteContact: (id: string) =>
    ({ id: newId(), baseVersion: null, kind: 'contact.delete', payload: { id } }) satisfies MutationInput,
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
    }) satisfies MutationInput,
  setMatchChoice: (address: string, customerId: string) =>
    ({ id: newId(), baseVersion: null, kind: 'matchChoice.set', payload: { address, customerId } }) satisfies MutationInput,
  saveCustomField: (field: Omit<PayloadOf<'customField.save'>, 'id' | 'position'> & { id?: string; position?: number }) =>
    ({
      id: newId(),
      baseVersion: null,
      kind: 'customField.save',
      payload: { ...field, id: field.id ?? newId(), position: field.position ?? 0 },
    }) satisfies MutationInput,
  deleteCustomField: (id: string) =>
    ({ id: newId(), baseVersion: null, kind: 'customField.delete', payload: { id } }) satisfies MutationInput,
};

/** Row counts of everything a push can write. */
const COUNTED_TABLES = [
  'customers',
  'contacts',
  'timeline_items',
  'match_choices',
  'custom_field_definitions',
  'applied_mutations',
  'change_log',
] as const;

export async function countRows(db: { query<T>(sql: string): Promise<T[]> }) {
  const counts = {} as Record<(typeof COUNTED_TABLES)[number], number>;
  for (const table of COUNTED_TABLES) {
    const [row] = await db.query<{ n: unknown }>(`SELECT count(*) AS n FROM ${table}`);
    counts[table] = Number(row!.n);
  }
  return counts;
}

/** `applied` or the rejection code, per mutation. */
export const outcomes = (out: { results: MutationResult[] }) =>
  out.results.map((r) => (r.status === 'rejected' ? r.code : r.status));

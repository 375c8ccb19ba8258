import { matchKeyOf } from '../../shared/domain/email';
import type { Contact } from '../../shared/schemas/contact';
import type { Customer } from '../../shared/schemas/customer';
import type { PulledChange } from '../../shared/schemas/sync';
import { getRomaniser } from './search/romaniser';
import { contactSearchFields, customerSearchFields, type SearchFields } from './search/search-keys';

/**
 * Rows as the replica stores them: the synced row plus keys derived from it for the indexes.
 * Every write of a customer or contact (pull, local mutation, upgrade) goes through these
 * functions, so the keys can never disagree with the row. They are synchronous on purpose: they
 * run inside Dexie transactions, where awaiting anything else would commit the transaction.
 * Pinyin keys need the romaniser loaded first: in a page, `await searchKeysReady()` before the
 * transaction (search/romaniser.ts explains why it is lazy and what happens if not awaited).
 */
export type LocalCustomer = Customer & SearchFields;
export type LocalContact = Contact & { emailKeys: string[] } & SearchFields;

export function toLocalCustomer(customer: Customer): LocalCustomer {
  return { ...customer, ...customerSearchFields(customer, getRomaniser()) };
}

export function toLocalContact(contact: Contact): LocalContact {
  return {
    ...contact,
    emailKeys: [...new Set(contact.emails.map(matchKeyOf))],
    ...contactSearchFields(contact, getRomaniser()),
  };
}

type Upsert = Extract<PulledChange, { op: 'upsert' }>;

/** A pulled (or restored) row as its replica table stores it. */
export function toLocalRow(change: Upsert): unknown {
  if (change.entity === 'customer') return toLocalCustomer(change.row);
  if (change.entity === 'contact') return toLocalContact(change.row);
  return change.row;
}

/** The synced row without the derived keys (what goes back into an outbox entry or a test). */
export function withoutLocalKeys<T extends { searchKeys?: unknown; searchHeads?: unknown; emailKeys?: unknown }>(
  row: T,
): Omit<T, 'searchKeys' | 'searchHeads' | 'emailKeys'> {
  const { searchKeys: _s, searchHeads: _h, emailKeys: _e, ...synced } = row;
  return synced;
}

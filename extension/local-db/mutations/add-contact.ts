import { v7 as uuidv7 } from 'uuid';
import { normaliseEmail } from '../../../shared/domain/email';
import type { ContactCreateInput } from '../../../shared/schemas/contact';
import type { LocalDb } from '../db';
import { toLocalContact } from '../local-rows';
import { MissingRowError } from './invalid-values';
import { outboxEntry } from './outbox-entry';
import { searchKeysReady } from '../search/romaniser';

export type AddContactInput = Omit<ContactCreateInput, 'id'>;

/** One spelling per address, each address once (as the server stores them). */
export const normalisedEmails = (emails: string[]): string[] => [...new Set(emails.map(normaliseEmail))];

/**
 * A new contact of a customer (also "add this mail participant as a contact": the sidebar passes
 * the participant's name and address) + its contact.create entry, in one transaction.
 */
export async function addContact(db: LocalDb, input: AddContactInput): Promise<string> {
  const now = new Date().toISOString();
  const id = uuidv7();
  const entry = outboxEntry({ id: uuidv7(), kind: 'contact.create', baseVersion: null, payload: { ...input, id } }, 'contact', id, now);
  if (entry.mutation.kind !== 'contact.create') throw new Error('unreachable');
  const p = entry.mutation.payload;
  const row = toLocalContact({ ...p, emails: normalisedEmails(p.emails), createdAt: now, updatedAt: now, version: 0 });
  // Pinyin keys are computed inside the transaction, so the dictionary must be loaded before it.
  await searchKeysReady();
  await db.transaction('rw', [db.customers, db.contacts, db.outbox], async () => {
    if (!(await db.customers.get(p.customerId))) throw new MissingRowError('customer', p.customerId);
    await db.contacts.add(row);
    await db.outbox.add(entry);
  });
  return id;
}

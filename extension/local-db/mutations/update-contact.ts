import { v7 as uuidv7 } from 'uuid';
import type { ContactPatch } from '../../../shared/schemas/contact';
import type { LocalDb } from '../db';
import { toLocalContact, withoutLocalKeys } from '../local-rows';
import { normalisedEmails } from './add-contact';
import { MissingRowError } from './invalid-values';
import { outboxEntry } from './outbox-entry';
import { searchKeysReady } from '../search/romaniser';

/** A field-level contact edit + its contact.update entry, in one transaction (see update-customer). */
export async function updateContact(db: LocalDb, id: string, patch: ContactPatch): Promise<void> {
  const now = new Date().toISOString();
  const before = await db.contacts.get(id);
  if (!before) throw new MissingRowError('contact', id);
  const entry = outboxEntry(
    { id: uuidv7(), kind: 'contact.update', baseVersion: before.version, payload: { id, patch } },
    'contact',
    id,
    now,
  );
  if (entry.mutation.kind !== 'contact.update') throw new Error('unreachable');
  const parsed = entry.mutation.payload.patch;
  const emails = parsed.emails === undefined ? {} : { emails: normalisedEmails(parsed.emails) };
  // Pinyin keys are computed inside the transaction, so the dictionary must be loaded before it.
  await searchKeysReady();
  await db.transaction('rw', [db.contacts, db.outbox], async () => {
    const current = await db.contacts.get(id);
    if (!current) throw new MissingRowError('contact', id);
    await db.contacts.put(toLocalContact({ ...withoutLocalKeys(current), ...parsed, ...emails, updatedAt: now }));
    await db.outbox.add({ ...entry, previousRow: current });
  });
}

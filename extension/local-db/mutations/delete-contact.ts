import { v7 as uuidv7 } from 'uuid';
import type { LocalDb } from '../db';
import { outboxEntry } from './outbox-entry';

/**
 * The contact leaves the replica at once + a contact.delete entry, in one transaction. The row is
 * kept as previousRow, so a refused deletion brings the contact back when dismissed.
 */
export async function deleteContact(db: LocalDb, id: string): Promise<void> {
  const now = new Date().toISOString();
  const entry = outboxEntry({ id: uuidv7(), kind: 'contact.delete', baseVersion: null, payload: { id } }, 'contact', id, now);
  await db.transaction('rw', [db.contacts, db.outbox], async () => {
    const current = await db.contacts.get(id);
    if (!current) return; // already gone (a pull deleted it): nothing to ask the server
    await db.contacts.delete(id);
    await db.outbox.add({ ...entry, previousRow: current });
  });
}

import type { LocalDb } from '../db';

/**
 * The user saw a refused change and lets it go: the entry AND its optimistic row leave together,
 * so nothing the server refused lingers as if it had been saved (never lost silently).
 */
export async function dismissRejected(db: LocalDb, mutationId: string): Promise<void> {
  await db.transaction('rw', [db.outbox, db.customers, db.contacts, db.timeline], async () => {
    const entry = await db.outbox.get(mutationId);
    if (!entry || entry.status !== 'rejected') return;
    await db.outbox.delete(mutationId);
    const { mutation } = entry;
    // Only creates made the row locally; updates and deletes touch server rows a pull restores.
    if (mutation.kind === 'customer.create') await db.customers.delete(mutation.payload.id);
    if (mutation.kind === 'contact.create') await db.contacts.delete(mutation.payload.id);
    if (mutation.kind === 'note.create') await db.timeline.delete(mutation.payload.id);
  });
}

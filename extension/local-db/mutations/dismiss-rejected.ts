import { TABLE_OF_ENTITY, type LocalDb } from '../db';

/**
 * The user saw a refused change and lets it go: the entry AND its optimistic row leave together,
 * so nothing the server refused lingers as if it had been saved (never lost silently).
 */
export async function dismissRejected(db: LocalDb, mutationId: string): Promise<void> {
  await db.transaction('rw', [db.outbox, db.customers, db.contacts, db.timeline, db.members], async () => {
    const entry = await db.outbox.get(mutationId);
    if (!entry || entry.status !== 'rejected') return;
    await db.outbox.delete(mutationId);
    const stillPending = await db.outbox.where('entityId').equals(entry.entityId).count();
    if (stillPending > 0) return; // another change to this row is still listed; it restores later
    const table = db[TABLE_OF_ENTITY[entry.entity]] as LocalDb['customers'];
    const server = entry.serverChange;
    // The server's newest version, held back while this entry was pending, replaces ours.
    if (server?.op === 'upsert') await table.put(server.row as never);
    else if (server?.op === 'delete') await table.delete(server.id);
    // No server version seen: a refused create only ever existed here.
    else if (entry.mutation.kind.endsWith('.create')) await table.delete(entry.entityId);
  });
}

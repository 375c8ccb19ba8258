import { REPLICA_TABLES, TABLE_OF_ENTITY, type LocalDb } from '../db';
import { searchKeysReady } from '../search/romaniser';
import { createsRow, putServerChange } from '../sync-store';

/**
 * The user saw a refused change and lets it go: the entry AND its optimistic row leave together,
 * so nothing the server refused lingers as if it had been saved (never lost silently).
 */
export async function dismissRejected(db: LocalDb, mutationId: string): Promise<void> {
  // Pinyin keys are computed inside the transaction, so the dictionary must be loaded before it.
  await searchKeysReady();
  await db.transaction('rw', [db.outbox, ...REPLICA_TABLES.map((t) => db[t])], async () => {
    const entry = await db.outbox.get(mutationId);
    if (!entry || entry.status !== 'rejected') return;
    await db.outbox.delete(mutationId);
    for (const side of entry.sideRows ?? []) {
      const sideTable = db[side.table] as LocalDb['customers'];
      const current = await sideTable.get(side.id);
      if (JSON.stringify(current) !== JSON.stringify(side.after)) continue;
      if (side.before === null) await sideTable.delete(side.id);
      else await sideTable.put(side.before as never);
    }
    const stillPending = await db.outbox.where('entityId').equals(entry.entityId).count();
    if (stillPending > 0) return; // another change to this row is still listed; it restores later
    const table = db[TABLE_OF_ENTITY[entry.entity]] as LocalDb['customers'];
    // The server's newest version, held back while this entry was pending, replaces ours.
    if (entry.serverChange) await putServerChange(db, entry.serverChange);
    // No server version seen: a refused create only ever existed here; a refused edit goes
    // back to the row as it was before the edit.
    else if (createsRow(entry)) await table.delete(entry.entityId);
    else if (entry.previousRow !== undefined) await table.put(entry.previousRow as never);
  });
}

import type { Transaction } from 'dexie';
import { REPLICA_TABLES } from '../db';

/**
 * Issue 7: what a user may see is now decided per customer, and rows a replica holds may no
 * longer be visible to its user. A pull can only tombstone rows it is told about, so the replica
 * starts over: every replica row goes (except rows with a pending local change, which the push
 * settles) and the cursor with them, and the next pull downloads exactly what the user may see.
 */
export async function upgradeToVersion8(tx: Transaction): Promise<void> {
  const pending = await tx.table('outbox').where('status').equals('pending').toArray();
  const keep = new Set(pending.map((e: { entityId: string }) => e.entityId));
  for (const table of REPLICA_TABLES) {
    await tx
      .table(table)
      .filter((row: { id: string }) => !keep.has(row.id))
      .delete();
  }
  await tx.table('meta').put({ key: 'cursor', value: null });
}

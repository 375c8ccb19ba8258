import type { FollowUpWrite } from '../../../shared/domain/service-effects';
import type { LocalDb, ReplicaTable, SideRow } from '../db';

/**
 * The rows a change writes besides its own, optimistically, as the server will (shared rules,
 * derived ids). Run inside the change's transaction; each written row is recorded so a refused
 * change can be undone (dismiss-rejected).
 */
export async function putSideRow<T extends { id: string }>(db: LocalDb, table: ReplicaTable, before: T | null, after: T): Promise<SideRow> {
  await (db[table] as unknown as { put(row: T): Promise<unknown> }).put(after);
  return { table, id: after.id, before, after };
}

export async function writeFollowUpsLocally(db: LocalDb, writes: readonly FollowUpWrite[], now: string): Promise<SideRow[]> {
  const sides: SideRow[] = [];
  for (const write of writes) {
    if ('create' in write) {
      // Made once per rule and record: a row already here (pulled from the server) stays.
      if (await db.followUps.get(write.create.row.id)) continue;
      sides.push(await putSideRow(db, 'followUps', null, { ...write.create.row, createdAt: now, updatedAt: now, version: 0 }));
    } else {
      const current = await db.followUps.get(write.update.id);
      if (current) sides.push(await putSideRow(db, 'followUps', current, { ...current, ...write.update.patch, updatedAt: now }));
    }
  }
  return sides;
}

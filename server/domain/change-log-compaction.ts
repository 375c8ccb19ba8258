import type { Store } from '../storage/repositories/index';

export type CompactionReport = { supersededRemoved: number; tombstonesRemoved: boolean; logFloorSeq: number };

/**
 * Shrinks an organisation's change log.
 * 1. Entries superseded by a later entry of the same entity go: any cursor before the old entry
 *    is also before the new one, so every puller still learns the entity's current state.
 * 2. Tombstones older than the retention go. A cursor from before such a tombstone would never
 *    learn of that deletion, so the floor rises to the highest removed seq and older cursors get
 *    resetRequired. A pull from null needs no tombstones: it only builds the live rows.
 */
export async function compactChangeLog(
  store: Store,
  orgId: string,
  options: { tombstonesOlderThan: Date },
): Promise<CompactionReport> {
  return store.transaction(async (repos) => {
    const supersededRemoved = await repos.changeLog.deleteSuperseded(orgId);
    const highestTombstone = await repos.changeLog.deleteTombstonesBefore(orgId, options.tombstonesOlderThan);
    if (highestTombstone > 0) await repos.organisations.raiseLogFloor(orgId, highestTombstone);
    const org = await repos.organisations.get(orgId);
    return { supersededRemoved, tombstonesRemoved: highestTombstone > 0, logFloorSeq: org?.logFloorSeq ?? 0 };
  });
}

import type { Mutation, MutationResult, PulledChange } from '../../shared/schemas/sync';
import { REPLICA_TABLES, TABLE_OF_ENTITY, type LocalDb, type OutboxEntry, type ReplicaTable } from './db';
import { toLocalRow } from './local-rows';
import { searchKeysReady } from './search/romaniser';
import { setMeta } from './meta';

/**
 * What the sync engine does to the replica. Each function is one Dexie transaction and makes no
 * network call (DESIGN.md: no network inside a transaction); the engine calls the server between them.
 */

/** The oldest pending mutations, in creation (= uuid v7 id) order: at most `limit`, and `maxBytes` of JSON unless one alone is more. */
export async function pendingBatch(db: LocalDb, limit: number, maxBytes = Number.POSITIVE_INFINITY): Promise<Mutation[]> {
  const entries = await db.outbox.where('status').equals('pending').sortBy('id');
  const encoder = new TextEncoder();
  const batch: Mutation[] = [];
  let bytes = 0;
  for (const { mutation } of entries.slice(0, limit)) {
    bytes += encoder.encode(JSON.stringify(mutation)).length;
    if (batch.length > 0 && bytes > maxBytes) break;
    batch.push(mutation);
  }
  return batch;
}

/** The entry makes its row (a create, a logged touch, a planned visit): the row only exists here until it is applied. */
export const createsRow = (entry: OutboxEntry): boolean => entry.mutation.kind.endsWith('.create') || entry.previousRow === null;

/** The server's version of a row, held back while an entry was pending, replaces the local one. */
export async function putServerChange(db: LocalDb, change: PulledChange): Promise<void> {
  const table = db[TABLE_OF_ENTITY[change.entity]] as LocalDb['customers'];
  if (change.op === 'upsert') await table.put(toLocalRow(change) as never);
  else await table.delete(change.id);
}

const needsSearchKeys = (change: PulledChange | undefined) => change?.op === 'upsert' && (change.entity === 'customer' || change.entity === 'contact');

/**
 * applied → the entry is done; rejected → kept with code and reason for the sidebar.
 * A server change held back while the entry was pending is put in now (when no other entry of
 * the row remains): the cursor has moved past it, and if the server applied the entry without
 * changing the row (e.g. a follow-up someone had already ended) no later pull brings it again.
 * If the entry did change the row, the pull after the push brings the newer version.
 */
export async function applyPushResults(db: LocalDb, results: MutationResult[]): Promise<void> {
  const applied = results.filter((r) => r.status === 'applied').map((r) => r.mutationId);
  // Pinyin search keys are computed inside the transaction: load the dictionary first if needed.
  if ((await db.outbox.bulkGet(applied)).some((e) => needsSearchKeys(e?.serverChange))) await searchKeysReady();
  await db.transaction('rw', [db.outbox, ...REPLICA_TABLES.map((t) => db[t])], async () => {
    for (const result of results) {
      if (result.status === 'applied') {
        const entry = await db.outbox.get(result.mutationId);
        await db.outbox.delete(result.mutationId);
        // Only a version: the server applies no change to a row it deleted (it refuses it), and
        // after a reset the "gone" placeholder (resetReplica) must not hide a row the download brings.
        if (entry?.serverChange?.op === 'upsert' && (await db.outbox.where('entityId').equals(entry.entityId).count()) === 0) {
          await putServerChange(db, entry.serverChange);
        }
      } else {
        await db.outbox.update(result.mutationId, {
          status: 'rejected',
          code: result.code,
          reason: result.reason,
        });
      }
    }
  });
}

/** The outbox entries (pending or refused) of the rows in a page; none in the common case. */
async function outboxEntriesFor(db: LocalDb, ids: string[]) {
  // During a big pull the outbox is usually empty: skip the per-id index probes then.
  if ((await db.outbox.count()) === 0) return [];
  return db.outbox.where('entityId').anyOf(ids).toArray();
}

/**
 * One pulled page in one transaction, cursor included, so a crash leaves either the old cursor
 * with the old rows or the new cursor with the new rows. A row whose outbox entry is still
 * pending is not touched: the local change wins until the server has answered it.
 */
export async function applyPullPage(db: LocalDb, changes: PulledChange[], nextCursor: string): Promise<void> {
  // Pinyin search keys are computed inside the transaction: load the dictionary first (once).
  if (changes.some((c) => c.op === 'upsert' && (c.entity === 'customer' || c.entity === 'contact'))) await searchKeysReady();
  const tables = [...REPLICA_TABLES.map((t) => db[t]), db.outbox, db.meta];
  await db.transaction('rw', tables, async () => {
    const ids = changes.map((c) => (c.op === 'delete' ? c.id : c.row.id));
    const entries = await outboxEntriesFor(db, ids);
    const keyOf = (entity: string, id: string): string => `${entity}:${id}`;
    const protectedKeys = new Set(entries.filter((e) => e.status === 'pending').map((e) => keyOf(e.entity, e.entityId)));
    // The last change per row wins within a page (the server's log order).
    const last = new Map<string, PulledChange>();
    for (const change of changes) {
      const key = keyOf(change.entity, change.op === 'delete' ? change.id : change.row.id);
      last.delete(key);
      last.set(key, change);
    }
    // Every outbox entry keeps its row's newest server change. The cursor moves past a change
    // held back for a pending entry, so if the server then refuses the entry, dismissing it
    // restores exactly this version (dismiss-rejected); never an older one.
    for (const entry of entries) {
      const change = last.get(keyOf(entry.entity, entry.entityId));
      if (change) await db.outbox.update(entry.id, { serverChange: change });
    }
    for (const key of protectedKeys) last.delete(key);
    const puts = new Map<ReplicaTable, unknown[]>(REPLICA_TABLES.map((t) => [t, []]));
    const deletes = new Map<ReplicaTable, string[]>(REPLICA_TABLES.map((t) => [t, []]));
    for (const change of last.values()) {
      const table = TABLE_OF_ENTITY[change.entity];
      if (change.op === 'delete') deletes.get(table)!.push(change.id);
      else puts.get(table)!.push(toLocalRow(change));
    }
    for (const [table, ids] of deletes) if (ids.length > 0) await db[table].bulkDelete(ids);
    for (const [table, rows] of puts) {
      if (rows.length > 0) await (db[table] as LocalDb['customers']).bulkPut(rows as never[]);
    }
    await setMeta(db, 'cursor', nextCursor);
  });
}

/**
 * resetRequired: the server no longer has our cursor. Drop the replica (not the outbox, and not
 * rows with a pending change) and start again from null.
 */
export async function resetReplica(db: LocalDb): Promise<void> {
  const tables = [...REPLICA_TABLES.map((t) => db[t]), db.outbox, db.meta];
  await db.transaction('rw', tables, async () => {
    const pending = await db.outbox.where('status').equals('pending').toArray();
    const keep = new Set(pending.map((e) => e.entityId));
    for (const table of REPLICA_TABLES) {
      await (db[table] as LocalDb['customers']).filter((row) => !keep.has(row.id)).delete();
    }
    // The download from nothing brings no tombstones: until it brings the row an entry edits,
    // the server's version of that row is "gone" (a refused edit of it, dismissed, must not revive it).
    await db.outbox
      .filter((entry) => !createsRow(entry))
      .modify((entry) => {
        entry.serverChange = { entity: entry.entity, op: 'delete', id: entry.entityId };
      });
    await setMeta(db, 'cursor', null);
  });
}

/** Sign-out: nothing of this user stays on the device (all tables, in one transaction). */
export async function wipeAll(db: LocalDb): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
  });
}

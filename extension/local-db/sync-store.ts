import type { Mutation, MutationResult, PulledChange } from '../../shared/schemas/sync';
import { REPLICA_TABLES, TABLE_OF_ENTITY, type LocalDb, type ReplicaTable } from './db';
import { setMeta } from './meta';

/**
 * What the sync engine does to the replica. Each function is one Dexie transaction and makes no
 * network call (DESIGN.md: no network inside a transaction); the engine calls the server between them.
 */

/** The oldest pending mutations, in creation (= uuid v7 id) order. */
export async function pendingBatch(db: LocalDb, limit: number): Promise<Mutation[]> {
  const entries = await db.outbox.where('status').equals('pending').sortBy('id');
  return entries.slice(0, limit).map((e) => e.mutation);
}

/** applied → the entry is done; rejected → kept with code and reason for the sidebar. */
export async function applyPushResults(db: LocalDb, results: MutationResult[]): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    for (const result of results) {
      if (result.status === 'applied') await db.outbox.delete(result.mutationId);
      else {
        await db.outbox.update(result.mutationId, {
          status: 'rejected',
          code: result.code,
          reason: result.reason,
        });
      }
    }
  });
}

async function pendingEntityIds(db: LocalDb, ids: string[]): Promise<Set<string>> {
  // The common case during a big pull is an empty outbox: skip the per-id index probes.
  if ((await db.outbox.count()) === 0) return new Set();
  const entries = await db.outbox.where('entityId').anyOf(ids).toArray();
  return new Set(entries.filter((e) => e.status === 'pending').map((e) => e.entityId));
}

/**
 * One pulled page in one transaction, cursor included, so a crash leaves either the old cursor
 * with the old rows or the new cursor with the new rows. A row whose outbox entry is still
 * pending is not touched: the local change wins until the server has answered it.
 */
export async function applyPullPage(db: LocalDb, changes: PulledChange[], nextCursor: string): Promise<void> {
  const tables = [...REPLICA_TABLES.map((t) => db[t]), db.outbox, db.meta];
  await db.transaction('rw', tables, async () => {
    const ids = changes.map((c) => (c.op === 'delete' ? c.id : c.row.id));
    const protectedIds = await pendingEntityIds(db, ids);
    // The last change per row wins within a page (the server's log order).
    const last = new Map<string, PulledChange>();
    for (const change of changes) {
      const id = change.op === 'delete' ? change.id : change.row.id;
      if (protectedIds.has(id)) continue;
      const key = `${change.entity}:${id}`;
      last.delete(key);
      last.set(key, change);
    }
    const puts = new Map<ReplicaTable, unknown[]>(REPLICA_TABLES.map((t) => [t, []]));
    const deletes = new Map<ReplicaTable, string[]>(REPLICA_TABLES.map((t) => [t, []]));
    for (const change of last.values()) {
      const table = TABLE_OF_ENTITY[change.entity];
      if (change.op === 'delete') deletes.get(table)!.push(change.id);
      else puts.get(table)!.push(change.row);
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
    await setMeta(db, 'cursor', null);
  });
}

/** Sign-out: nothing of this user stays on the device (all tables, in one transaction). */
export async function wipeAll(db: LocalDb): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
  });
}

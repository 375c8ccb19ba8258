import type { PulledChange, PullOutput } from '../../shared/schemas/sync';
import type { Store } from '../storage/repositories/index';
import type { ChangeLogEntry } from '../storage/repositories/change-log';
import type { AuthedUser } from './auth-service';
import { DomainError } from './errors';
import { pullSources } from './pull-sources';
import { decodeCursor, encodeCursor } from './sync-cursor';

/**
 * One page of changes after the cursor. Each entity appears once per page with its CURRENT row
 * as this user may see it (read after the log page, so it is at least as new as the entries),
 * or a tombstone when it is deleted or no longer visible to them. Pages are cut by log
 * entries, so `limit` bounds the work.
 */
export async function pullChanges(
  store: Store,
  user: AuthedUser,
  input: { cursor: string | null; limit: number },
): Promise<PullOutput> {
  const cursor = input.cursor === null ? null : decodeCursor(input.cursor);
  // An old format, another organisation's or user's cursor, or one made before the user's role
  // or department changed: the replica cannot be patched up, only rebuilt.
  if (input.cursor !== null && (!cursor || cursor.org !== user.orgId || cursor.user !== user.id || cursor.scope !== user.scopeVersion)) {
    return { resetRequired: true };
  }
  const afterSeq = cursor?.seq ?? 0;
  const page = await store.repos.changeLog.page(user.orgId, afterSeq, input.limit + 1);
  if (!page) throw new DomainError('UNAUTHORIZED', 'organisation no longer exists');
  const { org } = page;
  // A cursor from before a restore (ahead of the log), or older than compaction kept (read in
  // the same statement as the page, so compaction committing meanwhile cannot slip between).
  if (cursor && (cursor.seq > org.lastChangeSeq || cursor.seq < org.logFloorSeq)) return { resetRequired: true };
  // A download from nothing skips the tombstones of what was gone when it began (see sync-cursor.ts).
  const freshUntil = !cursor ? org.lastChangeSeq : cursor.fresh ? cursor.freshUntil : undefined;
  const hasMore = page.entries.length > input.limit;
  const entries = page.entries.slice(0, input.limit);
  const changes = await currentRows(store, user, entries, freshUntil);
  const seq = entries.at(-1)?.seq ?? afterSeq;
  const fresh = freshUntil !== undefined && hasMore;
  const nextCursor = encodeCursor({ org: user.orgId, user: user.id, scope: user.scopeVersion, seq, fresh, ...(fresh ? { freshUntil } : {}) });
  return { resetRequired: false, changes, nextCursor, hasMore };
}

async function currentRows(
  store: Store,
  user: AuthedUser,
  entries: ChangeLogEntry[],
  freshUntil: number | undefined,
): Promise<PulledChange[]> {
  const order: ChangeLogEntry[] = [];
  const lastSeq = new Map<string, number>();
  for (const e of entries) {
    const key = `${e.entity}:${e.entityId}`;
    if (!lastSeq.has(key)) order.push(e);
    lastSeq.set(key, e.seq);
  }
  const visible = await pullSources(store.repos, user).visibleRows(order);
  return order.flatMap((e): PulledChange[] => {
    const key = `${e.entity}:${e.entityId}`;
    const change = visible.upserts.get(key);
    if (change) return [change];
    // Another person's private row is not theirs to know about, not even as a tombstone.
    if (visible.untold.has(key) || (freshUntil !== undefined && lastSeq.get(key)! <= freshUntil)) return [];
    return [{ entity: e.entity, op: 'delete', id: e.entityId }];
  });
}

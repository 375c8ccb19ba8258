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
  const org = await store.repos.organisations.get(user.orgId);
  if (!org) throw new DomainError('UNAUTHORIZED', 'organisation no longer exists');
  let afterSeq = 0;
  // A download from nothing skips the tombstones of what was gone when it began (see sync-cursor.ts).
  let freshUntil: number | undefined = org.lastChangeSeq;
  if (input.cursor !== null) {
    const cursor = decodeCursor(input.cursor);
    // An old format, another organisation's or user's cursor, one made before the user's role or
    // department changed, one from before a restore (ahead of the log), or one older than
    // compaction kept: the replica cannot be patched up, only rebuilt.
    if (
      !cursor ||
      cursor.org !== org.id ||
      cursor.user !== user.id ||
      cursor.scope !== user.scopeVersion ||
      cursor.seq > org.lastChangeSeq ||
      cursor.seq < org.logFloorSeq
    ) {
      return { resetRequired: true };
    }
    afterSeq = cursor.seq;
    freshUntil = cursor.fresh ? cursor.freshUntil : undefined;
  }

  const fetched = await store.repos.changeLog.page(org.id, afterSeq, input.limit + 1);
  const hasMore = fetched.length > input.limit;
  const entries = fetched.slice(0, input.limit);
  const changes = await currentRows(store, user, entries, freshUntil);
  // Compaction may have committed while this page was read and dropped tombstones after the
  // cursor; the floor only rises, so reading it again afterwards is enough to notice.
  if (input.cursor !== null && afterSeq < ((await store.repos.organisations.get(org.id))?.logFloorSeq ?? 0)) {
    return { resetRequired: true };
  }
  const seq = entries.at(-1)?.seq ?? afterSeq;
  const fresh = freshUntil !== undefined && hasMore;
  const nextCursor = encodeCursor({ org: org.id, user: user.id, scope: user.scopeVersion, seq, fresh, ...(fresh ? { freshUntil } : {}) });
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

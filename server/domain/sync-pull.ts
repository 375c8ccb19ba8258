import type { PulledChange, PullOutput } from '../../shared/schemas/sync';
import type { Store } from '../storage/repositories/index';
import type { ChangeLogEntry } from '../storage/repositories/change-log';
import { toMember, type AuthedUser } from './auth-service';
import { DomainError } from './errors';
import { decodeCursor, encodeCursor } from './sync-cursor';
import { canSee } from './visibility';

/**
 * One page of changes after the cursor. Each entity appears once per page with its CURRENT row
 * (read after the log page, so it is at least as new as the entries), or a tombstone when it is
 * deleted or no longer visible. Pages are cut by log entries, so `limit` bounds the work.
 */
export async function pullChanges(
  store: Store,
  user: AuthedUser,
  input: { cursor: string | null; limit: number },
): Promise<PullOutput> {
  const org = await store.repos.organisations.get(user.orgId);
  if (!org) throw new DomainError('UNAUTHORIZED', 'organisation no longer exists');
  let afterSeq = 0;
  if (input.cursor !== null) {
    const cursor = decodeCursor(input.cursor);
    // Another organisation's cursor, one from before a restore (ahead of the log), or one older
    // than compaction kept: the replica cannot be patched up, only rebuilt.
    if (cursor.org !== org.id || cursor.seq > org.lastChangeSeq || cursor.seq < org.logFloorSeq) {
      return { resetRequired: true };
    }
    afterSeq = cursor.seq;
  }

  const fetched = await store.repos.changeLog.page(org.id, afterSeq, input.limit + 1);
  const hasMore = fetched.length > input.limit;
  const entries = fetched.slice(0, input.limit);
  const changes = await currentRows(store, user, entries);
  // Compaction may have committed while this page was read and dropped tombstones after the
  // cursor; the floor only rises, so reading it again afterwards is enough to notice.
  if (input.cursor !== null && afterSeq < ((await store.repos.organisations.get(org.id))?.logFloorSeq ?? 0)) {
    return { resetRequired: true };
  }
  const lastSeq = entries.at(-1)?.seq ?? afterSeq;
  return { resetRequired: false, changes, nextCursor: encodeCursor(org.id, lastSeq), hasMore };
}

async function currentRows(store: Store, user: AuthedUser, entries: ChangeLogEntry[]): Promise<PulledChange[]> {
  const order: ChangeLogEntry[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    const key = `${e.entity}:${e.entityId}`;
    if (!seen.has(key)) order.push(e), seen.add(key);
  }
  const idsOf = (entity: ChangeLogEntry['entity']) => order.filter((e) => e.entity === entity).map((e) => e.entityId);
  const { repos } = store;
  const [customers, contacts, items, members, choices, fields, followUps, serviceItems, visits, settings] = await Promise.all([
    repos.customers.listByIds(user.orgId, idsOf('customer')),
    repos.contacts.listByIds(user.orgId, idsOf('contact')),
    repos.timelineItems.listByIds(user.orgId, idsOf('timelineItem')),
    repos.users.listByIds(user.orgId, idsOf('member')),
    repos.matchChoices.listByIds(user.orgId, idsOf('matchChoice')),
    repos.customFieldDefinitions.listByIds(user.orgId, idsOf('customField')),
    repos.followUps.listByIds(user.orgId, idsOf('followUp')),
    repos.serviceItems.listByIds(user.orgId, idsOf('serviceItem')),
    repos.visits.listByIds(user.orgId, idsOf('visit')),
    repos.orgSettings.listByIds(user.orgId, idsOf('orgSettings')),
  ]);
  const byKey = new Map<string, PulledChange>();
  /** Log entries this user is never told about: other people's private rows. */
  const untold = new Set<string>();
  const upsert = (change: Extract<PulledChange, { op: 'upsert' }>) => byKey.set(`${change.entity}:${change.row.id}`, change);
  /** Live rows the user may see become upserts; the rest fall through to tombstones below. */
  const visible = <R extends { orgId: string; deleted?: boolean }>(rows: R[]) =>
    rows.filter((r) => !r.deleted && canSee(user, { orgId: r.orgId })).map(({ orgId: _o, deleted: _d, ...row }) => row);

  for (const row of visible(customers)) upsert({ entity: 'customer', op: 'upsert', row });
  for (const row of visible(contacts)) upsert({ entity: 'contact', op: 'upsert', row });
  for (const row of visible(items)) upsert({ entity: 'timelineItem', op: 'upsert', row });
  for (const row of visible(fields)) upsert({ entity: 'customField', op: 'upsert', row });
  for (const row of visible(followUps)) upsert({ entity: 'followUp', op: 'upsert', row });
  for (const row of visible(serviceItems)) upsert({ entity: 'serviceItem', op: 'upsert', row });
  for (const row of visible(visits)) upsert({ entity: 'visit', op: 'upsert', row });
  for (const row of visible(settings)) upsert({ entity: 'orgSettings', op: 'upsert', row });
  for (const m of members) if (canSee(user, m)) upsert({ entity: 'member', op: 'upsert', row: toMember(m) });
  // Another user's choice is not theirs to know about, not even as a tombstone.
  for (const { orgId, userId, ...row } of choices) {
    if (canSee(user, { orgId, privateTo: userId })) upsert({ entity: 'matchChoice', op: 'upsert', row });
    else untold.add(`matchChoice:${row.id}`);
  }
  return order
    .filter((e) => !untold.has(`${e.entity}:${e.entityId}`))
    .map((e) => byKey.get(`${e.entity}:${e.entityId}`) ?? { entity: e.entity, op: 'delete', id: e.entityId });
}

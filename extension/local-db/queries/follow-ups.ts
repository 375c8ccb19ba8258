import Dexie from 'dexie';
import type { FollowUp } from '../../../shared/schemas/follow-up';
import type { LocalDb } from '../db';
import { getMeta } from '../meta';

/**
 * Follow-ups from the replica. The boards, the badge and the reminders read one owner's open
 * ones by due time through the [ownerUserId+status+dueAt] index: one range, however many
 * follow-ups the replica holds. Due times are UTC ISO strings (server and local mutations both
 * write them so), which sort as text in time order.
 */
const openRange = (userId: string, from: string | typeof Dexie.minKey, to: string | typeof Dexie.maxKey) =>
  [
    [userId, 'open', from],
    [userId, 'open', to],
  ] as const;

/** How many ended follow-ups a customer view lists under the open ones. */
const ENDED_SHOWN = 20;

/** A customer's follow-ups: the open ones by due time, then the latest ended ones. */
export async function followUpsOf(db: LocalDb, customerId: string): Promise<FollowUp[]> {
  const rows = await db.followUps.where('customerId').equals(customerId).toArray();
  const open = rows.filter((f) => f.status === 'open').sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  const ended = rows
    .filter((f) => f.status !== 'open')
    .sort((a, b) => (b.completedAt ?? b.updatedAt).localeCompare(a.completedAt ?? a.updatedAt))
    .slice(0, ENDED_SHOWN);
  return [...open, ...ended];
}

/** The signed-in user's id, or null. */
export async function signedInUserId(db: LocalDb): Promise<string | null> {
  return (await getMeta(db, 'session'))?.userId ?? null;
}

/** A user's open follow-ups, earliest due first, at most `limit`. */
export async function openFollowUpsOf(db: LocalDb, userId: string, limit: number): Promise<FollowUp[]> {
  const [from, to] = openRange(userId, Dexie.minKey, Dexie.maxKey);
  return db.followUps.where('[ownerUserId+status+dueAt]').between(from, to).limit(limit).toArray();
}

/** How many of a user's open follow-ups were due before `now` (the badge). */
export async function overdueCount(db: LocalDb, userId: string, now: Date): Promise<number> {
  const [from, to] = openRange(userId, Dexie.minKey, now.toISOString());
  return db.followUps.where('[ownerUserId+status+dueAt]').between(from, to, true, false).count();
}

/** A user's open follow-ups due at or after `since`, earliest first (the reminders to schedule). */
export async function dueFrom(db: LocalDb, userId: string, since: Date, limit: number): Promise<FollowUp[]> {
  const [from, to] = openRange(userId, since.toISOString(), Dexie.maxKey);
  return db.followUps.where('[ownerUserId+status+dueAt]').between(from, to).limit(limit).toArray();
}

/** Open follow-ups waiting for the customer's reply in a conversation (`<host>:<thread id>`). */
export async function openWatching(db: LocalDb, threadRef: string): Promise<FollowUp[]> {
  return db.followUps.where('replyWatch.threadRef').equals(threadRef).filter((f) => f.status === 'open').toArray();
}

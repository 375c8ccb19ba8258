import type { FollowUp } from '../../../shared/schemas/follow-up';
import type { ServiceItem } from '../../../shared/schemas/service-item';
import type { LocalDb } from '../db';

/** A request or complaint with the follow-ups its rules made (promised reply, return visits). */
export type ServiceItemView = { item: ServiceItem; followUps: FollowUp[] };

const byTime = (a: string, b: string) => Date.parse(a) - Date.parse(b);

/**
 * A customer's requests and complaints: open ones first, the nearest deadline first (the one to
 * answer now), then closed ones, newest first.
 */
export async function serviceItemsOf(db: LocalDb, customerId: string): Promise<ServiceItemView[]> {
  const [items, followUps] = await Promise.all([
    db.serviceItems.where('customerId').equals(customerId).toArray(),
    db.followUps.where('customerId').equals(customerId).filter((f) => f.source === 'complaint').toArray(),
  ]);
  const open = items.filter((i) => i.stage !== 'closed').sort((a, b) => byTime(a.firstReplyDueAt, b.firstReplyDueAt));
  const closed = items.filter((i) => i.stage === 'closed').sort((a, b) => byTime(b.receivedAt, a.receivedAt));
  return [...open, ...closed].map((item) => ({
    item,
    followUps: followUps.filter((f) => f.sourceId === item.id).sort((a, b) => byTime(a.dueAt, b.dueAt)),
  }));
}

/** Items logged from a conversation that still wait for their first reply (the thread rule's input). */
export async function waitingInThread(db: LocalDb, threadRef: string): Promise<ServiceItem[]> {
  return db.serviceItems.where('threadRef').equals(threadRef).filter((i) => i.firstReplyAt === null).toArray();
}

/** An item still waiting for its first reply, with its customer's name (the popup's deadline list). */
export type ReplyDeadline = { item: ServiceItem; customerName: string };

/**
 * Items still waiting for a first reply, the nearest (or most overdue) deadline first; only the
 * given owner's when `ownerUserId` is set. A scan of the open items: there are few compared
 * with customers and timelines.
 */
export async function replyDeadlines(db: LocalDb, ownerUserId: string | null, limit = 10): Promise<{ total: number; entries: ReplyDeadline[] }> {
  const waiting = await db.serviceItems
    .filter((i) => i.firstReplyAt === null && i.stage !== 'closed' && (ownerUserId === null || i.ownerUserId === ownerUserId))
    .toArray();
  const shown = waiting.sort((a, b) => byTime(a.firstReplyDueAt, b.firstReplyDueAt)).slice(0, limit);
  const customers = await db.customers.bulkGet([...new Set(shown.map((i) => i.customerId))]);
  const names = new Map(customers.filter((c) => c !== undefined).map((c) => [c.id, c.name]));
  return { total: waiting.length, entries: shown.map((item) => ({ item, customerName: names.get(item.customerId) ?? '' })) };
}

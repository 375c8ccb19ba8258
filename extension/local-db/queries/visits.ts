import Dexie from 'dexie';
import { compareTimelineNewestFirst } from '../../../shared/domain/timeline-order';
import type { CustomerNeeds } from '../../../shared/schemas/customer';
import type { FollowUp } from '../../../shared/schemas/follow-up';
import type { ServiceItem } from '../../../shared/schemas/service-item';
import type { TimelineItem } from '../../../shared/schemas/timeline';
import type { Visit } from '../../../shared/schemas/visit';
import type { LocalDb } from '../db';

const byTime = (a: string, b: string) => Date.parse(a) - Date.parse(b);

/** A visit with the follow-ups its report made (thank-you, proposal). */
export type VisitView = { visit: Visit; followUps: FollowUp[] };

/** A customer's visits: planned ones soonest first, then held and cancelled ones, newest first. */
export async function visitsOf(db: LocalDb, customerId: string): Promise<VisitView[]> {
  const [visits, followUps] = await Promise.all([
    db.visits.where('customerId').equals(customerId).toArray(),
    db.followUps.where('customerId').equals(customerId).filter((f) => f.source === 'visit').toArray(),
  ]);
  const planned = visits.filter((v) => v.status === 'planned').sort((a, b) => byTime(a.plannedAt, b.plannedAt));
  const done = visits.filter((v) => v.status !== 'planned').sort((a, b) => byTime(b.plannedAt, a.plannedAt));
  return [...planned, ...done].map((visit) => ({ visit, followUps: followUps.filter((f) => f.sourceId === visit.id) }));
}

async function timelineRows(db: LocalDb, customerId: string): Promise<TimelineItem[]> {
  return db.timeline.where('[customerId+occurredAt]').between([customerId, Dexie.minKey], [customerId, Dexie.maxKey]).toArray();
}

/** The customer's calendar meetings a plan can belong to: not yet planned, from a day ago on. */
export async function plannableMeetings(db: LocalDb, customerId: string, now: Date): Promise<TimelineItem[]> {
  const [rows, visits] = await Promise.all([timelineRows(db, customerId), db.visits.where('customerId').equals(customerId).toArray()]);
  const planned = new Set(visits.map((v) => v.meetingItemId));
  const since = now.getTime() - 86_400_000;
  return rows.filter((t) => t.kind === 'meeting' && !planned.has(t.id) && Date.parse(t.occurredAt) >= since).sort((a, b) => byTime(a.occurredAt, b.occurredAt));
}

/** What to know before meeting the customer (DOMAIN.md "Visits and meetings": the brief). */
export type VisitBrief = {
  recent: TimelineItem[];
  openService: ServiceItem[];
  openFollowUps: FollowUp[];
  needs: CustomerNeeds | null;
  /** Timeline items that decide whether a report is a first meeting (meetings and visits). */
  meetings: Pick<TimelineItem, 'id' | 'kind' | 'occurredAt'>[];
};

export async function visitBriefOf(db: LocalDb, customerId: string, recentCount = 5): Promise<VisitBrief> {
  const [rows, items, followUps, customer] = await Promise.all([
    timelineRows(db, customerId),
    db.serviceItems.where('customerId').equals(customerId).filter((i) => i.stage !== 'closed').toArray(),
    db.followUps.where('customerId').equals(customerId).filter((f) => f.status === 'open').toArray(),
    db.customers.get(customerId),
  ]);
  return {
    recent: rows.sort(compareTimelineNewestFirst).slice(0, recentCount),
    openService: items.sort((a, b) => byTime(a.firstReplyDueAt, b.firstReplyDueAt)),
    openFollowUps: followUps.sort((a, b) => byTime(a.dueAt, b.dueAt)),
    needs: customer?.needs ?? null,
    meetings: rows.filter((t) => t.kind === 'meeting' || t.kind === 'visit').map(({ id, kind, occurredAt }) => ({ id, kind, occurredAt })),
  };
}

/** A held visit waiting for a manager's review, with the names the queue shows. */
export type ReviewQueueEntry = { visit: Visit; customerName: string; ownerName: string };

/** Reports nobody reviewed yet, oldest report first (the one waiting longest). */
export async function reviewQueueOf(db: LocalDb): Promise<ReviewQueueEntry[]> {
  const held = await db.visits.filter((v) => v.status === 'held' && v.review === null).toArray();
  held.sort((a, b) => byTime(a.report!.reportedAt, b.report!.reportedAt));
  const [customers, members] = await Promise.all([
    db.customers.bulkGet([...new Set(held.map((v) => v.customerId))]),
    db.members.bulkGet([...new Set(held.map((v) => v.ownerUserId))]),
  ]);
  const customerName = new Map(customers.filter((c) => c !== undefined).map((c) => [c.id, c.name]));
  const ownerName = new Map(members.filter((m) => m !== undefined).map((m) => [m.id, m.displayName]));
  return held.map((visit) => ({ visit, customerName: customerName.get(visit.customerId) ?? '', ownerName: ownerName.get(visit.ownerUserId) ?? '' }));
}

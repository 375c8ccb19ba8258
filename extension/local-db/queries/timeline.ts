import Dexie from 'dexie';
import { compareTimelineNewestFirst } from '../../../shared/domain/timeline-order';
import type { FollowUp } from '../../../shared/schemas/follow-up';
import type { TimelineItem } from '../../../shared/schemas/timeline';
import type { LocalDb } from '../db';

/**
 * One line of a customer's timeline: a stored item, or a record of its own kind merged in (a
 * follow-up, issue 4), which keeps its record for the sidebar to phrase and act on.
 */
export type TimelineEntry = TimelineItem & { followUp?: FollowUp };

/** A follow-up as a timeline line: at its due time while open, at its end once ended. */
function followUpEntry(f: FollowUp): TimelineEntry {
  return {
    id: f.id,
    customerId: f.customerId,
    kind: 'follow_up',
    occurredAt: f.completedAt ?? f.dueAt,
    authorUserId: f.createdByUserId,
    contactIds: f.contactId ? [f.contactId] : [],
    summary: f.reason,
    sourceRef: f.replyWatch?.threadRef ?? null,
    createdAt: f.createdAt,
    followUp: f,
  };
}

/** A customer's timeline, newest first (the shared order, so every tier agrees), follow-ups merged in. */
export async function timelineOf(db: LocalDb, customerId: string, limit = 100): Promise<TimelineEntry[]> {
  const [rows, followUps] = await Promise.all([
    db.timeline.where('[customerId+occurredAt]').between([customerId, Dexie.minKey], [customerId, Dexie.maxKey]).toArray(),
    db.followUps.where('customerId').equals(customerId).toArray(),
  ]);
  // ISO strings with different offsets do not sort as text; the shared comparator parses them.
  return [...rows, ...followUps.map(followUpEntry)].sort(compareTimelineNewestFirst).slice(0, limit);
}

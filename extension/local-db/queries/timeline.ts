import Dexie from 'dexie';
import { compareTimelineNewestFirst } from '../../../shared/domain/timeline-order';
import type { FollowUp } from '../../../shared/schemas/follow-up';
import type { ServiceItem } from '../../../shared/schemas/service-item';
import type { TimelineItem } from '../../../shared/schemas/timeline';
import type { LocalDb } from '../db';
import { serviceTimelineEntries } from './service-timeline';

/**
 * One line of a customer's timeline: a stored item, or a record of its own kind merged in (issue
 * 4: a follow-up, which keeps its record for the sidebar to phrase and act on; a request or
 * complaint, which says which and where it stands).
 */
export type TimelineEntry = TimelineItem & { followUp?: FollowUp; service?: Pick<ServiceItem, 'type' | 'stage' | 'urgent'> };

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
    private: false,
    createdAt: f.createdAt,
    followUp: f,
  };
}

/** How many lines a timeline shows at first, and how many more each "show older" adds. */
export const TIMELINE_STEP = 100;

/** A customer's timeline, newest first (the shared order, so every tier agrees), issue 4's records merged in. */
export async function timelineOf(db: LocalDb, customerId: string, limit = TIMELINE_STEP): Promise<TimelineEntry[]> {
  const [stored, followUps, service] = await Promise.all([
    db.timeline.where('[customerId+occurredAt]').between([customerId, Dexie.minKey], [customerId, Dexie.maxKey]).toArray(),
    db.followUps.where('customerId').equals(customerId).toArray(),
    serviceTimelineEntries(db, customerId),
  ]);
  // ISO strings with different offsets do not sort as text; the shared comparator parses them.
  return [...stored, ...followUps.map(followUpEntry), ...service].sort(compareTimelineNewestFirst).slice(0, limit);
}

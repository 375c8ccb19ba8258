import Dexie from 'dexie';
import { compareTimelineNewestFirst } from '../../../shared/domain/timeline-order';
import type { LocalDb } from '../db';
import type { ServiceItem } from '../../../shared/schemas/service-item';
import type { TimelineItem } from '../../../shared/schemas/timeline';
import { serviceTimelineEntries } from './service-timeline';

/** A timeline row: a stored item, or a record shown on the timeline (issue 4: a request or complaint). */
export type TimelineEntry = TimelineItem & { service?: Pick<ServiceItem, 'type' | 'stage' | 'urgent'> };

/** A customer's timeline, newest first (the shared order, so every tier agrees). */
export async function timelineOf(db: LocalDb, customerId: string, limit = 100): Promise<TimelineEntry[]> {
  const stored: TimelineEntry[] = await db.timeline
    .where('[customerId+occurredAt]')
    .between([customerId, Dexie.minKey], [customerId, Dexie.maxKey])
    .toArray();
  const rows = [
    ...stored,
    // Issue 4B: requests and complaints.
    ...(await serviceTimelineEntries(db, customerId)),
  ];
  // ISO strings with different offsets do not sort as text; the shared comparator parses them.
  return rows.sort(compareTimelineNewestFirst).slice(0, limit);
}

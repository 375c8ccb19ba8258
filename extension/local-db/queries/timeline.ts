import Dexie from 'dexie';
import { compareTimelineNewestFirst } from '../../../shared/domain/timeline-order';
import type { TimelineItem } from '../../../shared/schemas/timeline';
import type { LocalDb } from '../db';

/** A customer's timeline, newest first (the shared order, so every tier agrees). */
export async function timelineOf(db: LocalDb, customerId: string, limit = 100): Promise<TimelineItem[]> {
  const rows = await db.timeline
    .where('[customerId+occurredAt]')
    .between([customerId, Dexie.minKey], [customerId, Dexie.maxKey])
    .toArray();
  // ISO strings with different offsets do not sort as text; the shared comparator parses them.
  return rows.sort(compareTimelineNewestFirst).slice(0, limit);
}

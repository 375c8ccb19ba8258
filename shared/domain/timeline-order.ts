import type { TimelineItem } from '../schemas/timeline';

/** Newest first; ids (uuid v7) break ties so every tier shows the same order. */
export function compareTimelineNewestFirst(
  a: Pick<TimelineItem, 'occurredAt' | 'id'>,
  b: Pick<TimelineItem, 'occurredAt' | 'id'>,
): number {
  const byTime = Date.parse(b.occurredAt) - Date.parse(a.occurredAt);
  if (byTime !== 0) return byTime;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

import { addDays, daysBetween, localDateOf, weekdayOf } from './zoned-time';

/**
 * The follow-up boards (seeds FUP-10: a board for today, tomorrow and this week, one for the
 * month), overdue first (DOMAIN.md "Follow-ups"). Days and weeks are the viewer's, in their own
 * zone; weeks run Monday to Sunday.
 */
export const BOARD_BUCKETS = ['overdue', 'today', 'tomorrow', 'this_week', 'this_month', 'later'] as const;
export type BoardBucket = (typeof BOARD_BUCKETS)[number];

/** Open and due before now: overdue, whatever the day. */
export function isOverdue(dueAt: string, now: Date): boolean {
  return Date.parse(dueAt) < now.getTime();
}

export function boardBucketOf(dueAt: string, now: Date, timeZone: string): BoardBucket {
  if (isOverdue(dueAt, now)) return 'overdue';
  const today = localDateOf(now, timeZone);
  const due = localDateOf(dueAt, timeZone);
  const ahead = daysBetween(today, due);
  if (ahead === 0) return 'today';
  if (ahead === 1) return 'tomorrow';
  const sunday = addDays(today, 7 - weekdayOf(today));
  if (due <= sunday) return 'this_week';
  return due.slice(0, 7) === today.slice(0, 7) ? 'this_month' : 'later';
}

/** Items per bucket, each bucket by due time (earliest first). */
export function groupIntoBoards<T extends { dueAt: string }>(items: readonly T[], now: Date, timeZone: string): Record<BoardBucket, T[]> {
  const boards = Object.fromEntries(BOARD_BUCKETS.map((b) => [b, [] as T[]])) as Record<BoardBucket, T[]>;
  const sorted = [...items].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  for (const item of sorted) boards[boardBucketOf(item.dueAt, now, timeZone)].push(item);
  return boards;
}

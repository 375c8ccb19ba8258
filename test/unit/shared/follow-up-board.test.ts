import { describe, expect, it } from 'vitest';
import { boardBucketOf, groupIntoBoards } from '../../../shared/domain/follow-up-board';

// Wednesday 2026-03-04, 10:00 in Shanghai.
const now = new Date('2026-03-04T02:00:00Z');
const zone = 'Asia/Shanghai';

describe('follow-up boards bucketing rule', () => {
  it('puts anything due before now on overdue, even earlier today', () => {
    expect(boardBucketOf('2026-03-04T01:00:00Z', now, zone)).toBe('overdue');
    expect(boardBucketOf('2026-02-01T01:00:00Z', now, zone)).toBe('overdue');
  });

  it('buckets by the viewer zone: today, tomorrow, the rest of this week (to Sunday), this month, later', () => {
    expect(boardBucketOf('2026-03-04T15:59:00Z', now, zone)).toBe('today'); // 23:59 Shanghai
    expect(boardBucketOf('2026-03-04T16:00:00Z', now, zone)).toBe('tomorrow'); // 00:00 on the 5th
    expect(boardBucketOf('2026-03-08T15:00:00Z', now, zone)).toBe('this_week'); // Sunday 23:00
    expect(boardBucketOf('2026-03-08T16:00:00Z', now, zone)).toBe('this_month'); // Monday the 9th
    expect(boardBucketOf('2026-03-31T15:00:00Z', now, zone)).toBe('this_month');
    expect(boardBucketOf('2026-04-01T01:00:00Z', now, zone)).toBe('later');
  });

  it('tomorrow wins over next week on a Sunday, and this week wins across a month end', () => {
    const sunday = new Date('2026-03-01T02:00:00Z');
    expect(boardBucketOf('2026-03-02T01:00:00Z', sunday, zone)).toBe('tomorrow');
    const friday = new Date('2026-07-31T02:00:00Z');
    expect(boardBucketOf('2026-08-02T01:00:00Z', friday, zone)).toBe('this_week');
  });

  it('the same instant lands on another day for a viewer in another zone', () => {
    // At 22:00 in Shanghai (09:00 in New York), 17:00Z is 01:00 tomorrow there but 12:00 today here.
    const evening = new Date('2026-03-04T14:00:00Z');
    expect(boardBucketOf('2026-03-04T17:00:00Z', evening, zone)).toBe('tomorrow');
    expect(boardBucketOf('2026-03-04T17:00:00Z', evening, 'America/New_York')).toBe('today');
  });

  it('groups and orders each board by due time', () => {
    const boards = groupIntoBoards(
      [
        { id: 'b', dueAt: '2026-03-04T09:00:00Z' },
        { id: 'a', dueAt: '2026-03-04T03:00:00Z' },
        { id: 'x', dueAt: '2026-03-03T03:00:00Z' },
      ],
      now,
      zone,
    );
    expect(boards.today.map((i) => i.id)).toEqual(['a', 'b']);
    expect(boards.overdue.map((i) => i.id)).toEqual(['x']);
    expect(boards.later).toEqual([]);
  });
});

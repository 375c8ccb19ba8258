import { describe, expect, it } from 'vitest';
import { compareTimelineNewestFirst } from '../../../shared/domain/timeline-order';

describe('compareTimelineNewestFirst', () => {
  it('orders newest first, comparing instants across offsets', () => {
    const items = [
      { id: 'a', occurredAt: '2026-03-01T09:00:00+08:00' }, // 01:00Z
      { id: 'b', occurredAt: '2026-03-01T02:00:00Z' },
      { id: 'c', occurredAt: '2026-02-28T20:00:00-05:00' }, // 01:00Z too
    ];
    // a and c are the same instant; the tie goes to the higher id.
    expect([...items].sort(compareTimelineNewestFirst).map((i) => i.id)).toEqual(['b', 'c', 'a']);
  });
  it('breaks ties by id, highest first, so every tier shows the same order', () => {
    const t = '2026-03-01T00:00:00Z';
    const sorted = [{ id: '01', occurredAt: t }, { id: '03', occurredAt: t }, { id: '02', occurredAt: t }].sort(compareTimelineNewestFirst);
    expect(sorted.map((i) => i.id)).toEqual(['03', '02', '01']);
    expect(compareTimelineNewestFirst({ id: 'x', occurredAt: t }, { id: 'x', occurredAt: t })).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { contactGrid, monthSpan } from '../../../shared/domain/contact-grid';

describe('monthly contact grid rule', () => {
  it('spans the days of the month and its instants in the viewer zone', () => {
    const feb = monthSpan('2028-02', 'Asia/Shanghai');
    expect(feb.days).toHaveLength(29);
    expect(feb.from.toISOString()).toBe('2028-01-31T16:00:00.000Z');
    expect(feb.to.toISOString()).toBe('2028-02-29T16:00:00.000Z');
  });

  it('orders by class then pinyin, and ticks the days each customer was touched (email, call, meeting, visit), notes do not count', () => {
    const grid = contactGrid(
      '2026-03',
      'Asia/Shanghai',
      [
        { id: 'c', name: '华东贸易', customerClass: 'C' },
        { id: 'n', name: 'No class', customerClass: null },
        { id: 'a2', name: '宝钢股份', customerClass: 'A' },
        { id: 'a1', name: '安徽海螺', customerClass: 'A' },
      ],
      [
        { customerId: 'a1', occurredAt: '2026-02-28T17:00:00Z', kind: 'call' }, // 03-01 01:00 in Shanghai
        { customerId: 'a1', occurredAt: '2026-03-01T03:00:00Z', kind: 'email' },
        { customerId: 'a1', occurredAt: '2026-03-15T03:00:00+08:00', kind: 'meeting' },
        { customerId: 'a1', occurredAt: '2026-03-16T03:00:00Z', kind: 'note' },
        { customerId: 'c', occurredAt: '2026-03-31T16:30:00Z', kind: 'visit' }, // April 1st in Shanghai
        { customerId: 'c', occurredAt: '2026-03-31T15:30:00Z', kind: 'visit' },
      ],
      new Date('2026-04-02T00:00:00Z'),
    );
    expect(grid.days).toHaveLength(31);
    expect(grid.rows.map((r) => r.id)).toEqual(['a1', 'a2', 'c', 'n']);
    expect(grid.rows[0]).toMatchObject({ touchedDays: [1, 15], touches: 3 });
    expect(grid.rows[1]).toMatchObject({ touchedDays: [], touches: 0 });
    expect(grid.rows[2]).toMatchObject({ touchedDays: [31], touches: 1 });
  });

  it('ticks a meeting booked for later in the month only once it has happened', () => {
    const customers = [{ id: 'a', name: '安徽海螺', customerClass: 'A' as const }];
    const touches = [
      { customerId: 'a', occurredAt: '2026-03-02T02:00:00Z', kind: 'call' as const },
      { customerId: 'a', occurredAt: '2026-03-20T02:00:00Z', kind: 'meeting' as const }, // 10:00 on the 20th in Shanghai
    ];
    const on = (now: string) => contactGrid('2026-03', 'Asia/Shanghai', customers, touches, new Date(now)).rows[0];
    expect(on('2026-03-10T00:00:00Z')).toMatchObject({ touchedDays: [2], touches: 1 });
    expect(on('2026-03-20T02:00:00Z')).toMatchObject({ touchedDays: [2], touches: 1 });
    expect(on('2026-03-20T02:00:00.001Z')).toMatchObject({ touchedDays: [2, 20], touches: 2 });
  });
});

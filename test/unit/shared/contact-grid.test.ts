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
    );
    expect(grid.days).toHaveLength(31);
    expect(grid.rows.map((r) => r.id)).toEqual(['a1', 'a2', 'c', 'n']);
    expect(grid.rows[0]).toMatchObject({ touchedDays: [1, 15], touches: 3 });
    expect(grid.rows[1]).toMatchObject({ touchedDays: [], touches: 0 });
    expect(grid.rows[2]).toMatchObject({ touchedDays: [31], touches: 1 });
  });
});

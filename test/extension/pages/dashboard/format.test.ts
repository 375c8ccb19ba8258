import { describe, expect, it } from 'vitest';
import { translateReport } from '../../../../extension/i18n/reports';
import { formatMonth, formatShare, periodSlug, periodWords } from '../../../../extension/pages/dashboard/format';
import { formatDuration, rowWord } from '../../../../extension/pages/dashboard/labels';

describe('dashboard formatting', () => {
  it('shows the period by its first and last day in the zone that counts them', () => {
    // November 2026 in Shanghai: [Oct 31 16:00Z, Nov 30 16:00Z), the last day is the 30th.
    const words = periodWords({
      from: '2026-10-31T16:00:00.000Z',
      to: '2026-11-30T16:00:00.000Z',
      asOf: '2026-11-30T16:00:00.000Z',
      previousFrom: '2026-09-30T16:00:00.000Z',
      timeZone: 'Asia/Shanghai',
      scope: 'me',
      departmentId: null,
    });
    expect(words.from).toBe('11/01/2026');
    expect(words.to).toBe('11/30/2026');
    expect(words.asOf).toMatch(/Dec 1, 2026, 00:00/);
    expect(words.zone).toBe('Asia/Shanghai');
  });

  it('writes durations in the unit a manager reads, and no share of nothing', () => {
    expect(formatDuration(45 * 60_000)).toBe('45 min');
    expect(formatDuration(26.5 * 3_600_000)).toBe('26.5 h');
    expect(formatDuration(10 * 86_400_000)).toBe('10 days');
    expect(formatDuration(null)).toBe('–');
    expect(formatShare(null)).toBe('–');
    expect(formatShare(0.675)).toBe('67.5%');
  });

  it('names a rep’s month of new customers in either language', () => {
    expect(formatMonth('2026-11')).toBe('November 2026');
    expect(formatMonth('2026-01', 'zh-CN')).toBe('2026年1月');
    expect(translateReport('en', 'figure.growth.newCustomersInMonth', { rep: '李娜', month: formatMonth('2026-11', 'en') })).toBe('New customers of 李娜 in November 2026');
    expect(translateReport('zh-CN', 'figure.growth.newCustomersInMonth', { rep: '李娜', month: formatMonth('2026-11', 'zh-CN') })).toBe('李娜 2026年11月新增客户');
  });

  it('names files by period and translates known states only', () => {
    expect(periodSlug({ kind: 'custom', from: '2026-11-01', to: '2026-11-15' })).toBe('2026-11-01_2026-11-15');
    expect(periodSlug({ kind: 'last-month' })).toBe('last-month');
    expect(rowWord('done')).toBe('Done');
    expect(rowWord('received')).toBe('Received');
    // A purpose whose text needs a name and a date stays the raw word rather than "{name}".
    expect(rowWord('care_birthday')).toBe('care_birthday');
    expect(rowWord('<img src=x>')).toBe('<img src=x>');
  });
});

import { describe, expect, it } from 'vitest';
import { addMonths, monthsOf, resolvePeriod } from '../../../shared/domain/report-period';
import { reportQuerySchema } from '../../../shared/schemas/reports';

const iso = (p: ReturnType<typeof resolvePeriod>) => ({ from: p.from.toISOString(), to: p.to.toISOString(), asOf: p.asOf.toISOString(), previousFrom: p.previousFrom.toISOString() });

describe('dashboard periods', () => {
  // Wednesday 2 December 2026, 01:00 in Shanghai = Tuesday 1 December 17:00 UTC.
  const now = new Date('2026-12-01T17:00:00Z');

  it('this week runs Monday to Monday in the zone: Shanghai and UTC see different weeks at the same instant', () => {
    expect(iso(resolvePeriod({ kind: 'this-week' }, 'Asia/Shanghai', now))).toEqual({
      from: '2026-11-29T16:00:00.000Z', to: '2026-12-06T16:00:00.000Z', asOf: now.toISOString(), previousFrom: '2026-11-22T16:00:00.000Z',
    });
    expect(iso(resolvePeriod({ kind: 'this-week' }, 'UTC', now)).from).toBe('2026-11-30T00:00:00.000Z');
  });

  it('this month and last month are calendar months; last month is over, so asOf is its end', () => {
    expect(iso(resolvePeriod({ kind: 'this-month' }, 'Asia/Shanghai', now))).toMatchObject({ from: '2026-11-30T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z' });
    expect(iso(resolvePeriod({ kind: 'last-month' }, 'Asia/Shanghai', now))).toEqual({
      from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z', asOf: '2026-11-30T16:00:00.000Z', previousFrom: '2026-09-30T16:00:00.000Z',
    });
    // In UTC it is still 1 December... and one instant earlier, still November.
    expect(iso(resolvePeriod({ kind: 'this-month' }, 'UTC', new Date('2026-11-30T23:59:59.999Z'))).from).toBe('2026-11-01T00:00:00.000Z');
    expect(iso(resolvePeriod({ kind: 'last-month' }, 'UTC', new Date('2026-01-15T00:00:00Z'))).from).toBe('2025-12-01T00:00:00.000Z');
  });

  it('a custom range includes both days and is preceded by as many days', () => {
    expect(iso(resolvePeriod({ kind: 'custom', from: '2026-03-01', to: '2026-03-10' }, 'Europe/Berlin', now))).toEqual({
      from: '2026-02-28T23:00:00.000Z', to: '2026-03-10T23:00:00.000Z', asOf: '2026-03-10T23:00:00.000Z', previousFrom: '2026-02-18T23:00:00.000Z',
    });
    // A range in the future has not begun: its state is taken at its start.
    const future = resolvePeriod({ kind: 'custom', from: '2027-01-01', to: '2027-01-31' }, 'UTC', now);
    expect(future.asOf.toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('months of a period, and month arithmetic across years', () => {
    expect(monthsOf('2026-11-15', '2027-02-01')).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(addMonths('2026-01-31', -1)).toBe('2025-12-01');
    expect(addMonths('2026-12-01', 1)).toBe('2027-01-01');
  });

  it('refuses a range that ends before it starts, is longer than 366 days, or names an unknown zone', () => {
    const refused = (input: unknown) => reportQuerySchema.safeParse(input).error?.issues.map((i) => i.message);
    expect(refused({ period: { kind: 'custom', from: '2026-03-02', to: '2026-03-01' }, scope: 'me' })).toEqual(['the period must not end before it starts']);
    expect(refused({ period: { kind: 'custom', from: '2025-01-01', to: '2026-01-02' }, scope: 'me' })).toEqual(['a custom period spans at most 366 days']);
    expect(refused({ period: { kind: 'custom', from: '2024-01-01', to: '2024-12-31' }, scope: 'me' })).toBeUndefined();
    expect(refused({ period: { kind: 'this-week' }, scope: 'me', timeZone: 'Asia/Beijing' })).toEqual(['must be a time zone such as Asia/Shanghai']);
    expect(refused({ period: { kind: 'this-week' }, scope: 'team' })).toHaveLength(1);
  });
});

describe('a custom period’s dates', () => {
  const now = new Date('2026-12-01T17:00:00Z');
  const messages = (from: unknown, to: unknown) =>
    reportQuerySchema.safeParse({ period: { kind: 'custom', from, to }, scope: 'me' }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

  it('refuses a year before 1970 (0050 would have meant 1950 to Date.UTC), naming the field', () => {
    expect(messages('0050-01-01', '0050-01-31')).toEqual(['period.from: must be a date from 1970-01-01 to 2999-12-31', 'period.to: must be a date from 1970-01-01 to 2999-12-31']);
    expect(messages('1969-12-31', '1970-01-05')).toEqual(['period.from: must be a date from 1970-01-01 to 2999-12-31']);
    expect(messages('1900-01-01', '2026-01-01')).toEqual(['period.from: must be a date from 1970-01-01 to 2999-12-31', 'period.to: a custom period spans at most 366 days']);
    expect(messages('2026-01-01', '2026-13-01')).toEqual(['period.to: must be a date such as 2026-11-30']);
  });

  it('takes the range’s first and last days, and resolves them in their own years', () => {
    expect(messages('1970-01-01', '1970-01-31')).toEqual([]);
    expect(messages('2999-12-01', '2999-12-31')).toEqual([]);
    // Past 2999 is refused: a period ending 9999-12-31 in UTC would end at +010000-01-01.
    expect(messages('9999-12-01', '9999-12-31')).toEqual(['period.from: must be a date from 1970-01-01 to 2999-12-31', 'period.to: must be a date from 1970-01-01 to 2999-12-31']);
    const first = resolvePeriod({ kind: 'custom', from: '1970-01-01', to: '1970-01-31' }, 'UTC', now);
    expect(first.from.toISOString()).toBe('1970-01-01T00:00:00.000Z');
    const last = resolvePeriod({ kind: 'custom', from: '2999-12-01', to: '2999-12-31' }, 'UTC', now);
    expect(last.to.toISOString()).toBe('3000-01-01T00:00:00.000Z');
  });
});

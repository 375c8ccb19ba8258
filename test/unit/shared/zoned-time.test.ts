import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, instantAt, localDateOf, weekdayOf } from '../../../shared/domain/zoned-time';

describe('zoned time: calendar days in a time zone', () => {
  it('puts an instant on the date of the zone, not of UTC', () => {
    // 16:30 UTC is already 00:30 the next day in Shanghai, and still the same day in New York.
    expect(localDateOf('2026-12-03T16:30:00Z', 'Asia/Shanghai')).toBe('2026-12-04');
    expect(localDateOf('2026-12-03T16:30:00Z', 'America/New_York')).toBe('2026-12-03');
    expect(localDateOf('2026-12-31T23:59:59Z', 'UTC')).toBe('2026-12-31');
  });

  it('finds the instant of a wall-clock time on a date', () => {
    expect(instantAt('2026-12-04', 'Asia/Shanghai', 9).toISOString()).toBe('2026-12-04T01:00:00.000Z');
    expect(instantAt('2026-07-01', 'Europe/Berlin', 9, 30).toISOString()).toBe('2026-07-01T07:30:00.000Z');
    expect(instantAt('2026-01-15', 'Europe/Berlin', 9).toISOString()).toBe('2026-01-15T08:00:00.000Z');
    expect(instantAt('2026-03-01', 'America/Los_Angeles').toISOString()).toBe('2026-03-01T08:00:00.000Z');
  });

  it('handles daylight-saving days: a skipped wall time moves forward, a repeated one is its later occurrence', () => {
    expect(instantAt('2026-03-29', 'Europe/Berlin', 2, 30).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(instantAt('2026-10-25', 'Europe/Berlin', 2, 30).toISOString()).toBe('2026-10-25T01:30:00.000Z');
    // Midnight and noon on those days are unambiguous.
    expect(instantAt('2026-03-29', 'Europe/Berlin', 12).toISOString()).toBe('2026-03-29T10:00:00.000Z');
    expect(instantAt('2026-10-25', 'Europe/Berlin', 0).toISOString()).toBe('2026-10-24T22:00:00.000Z');
  });

  it('round-trips dates through instants in several zones', () => {
    for (const zone of ['Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'Pacific/Auckland', 'UTC']) {
      for (const date of ['2026-01-01', '2026-03-29', '2026-10-25', '2028-02-29']) {
        expect(localDateOf(instantAt(date, zone, 9), zone)).toBe(date);
      }
    }
  });

  it('counts and steps calendar days across months, years and leap days', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-12-01', '2026-12-08')).toBe(7);
    expect(daysBetween('2026-12-08', '2026-12-01')).toBe(-7);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
  });

  it('names ISO weekdays, Monday first', () => {
    expect(weekdayOf('2026-12-07')).toBe(1);
    expect(weekdayOf('2026-12-06')).toBe(7);
  });
});

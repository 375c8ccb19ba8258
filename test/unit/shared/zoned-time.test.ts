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

describe('zoned time: every year a date can have (0000-9999)', () => {
  // Date.UTC reads a year 0-99 as 1900-1999: '0050-01-01' must not become 1950.
  it('finds instants of years below 100 in those years, not in the 1900s', () => {
    expect(instantAt('0050-01-01', 'UTC').toISOString()).toBe('0050-01-01T00:00:00.000Z');
    expect(instantAt('0099-12-31', 'UTC', 9, 30).toISOString()).toBe('0099-12-31T09:30:00.000Z');
    expect(instantAt('0000-02-29', 'UTC').toISOString()).toBe('0000-02-29T00:00:00.000Z');
    // Shanghai kept local mean time then (+8:05:43), as Intl's zone data says.
    expect(instantAt('0050-01-01', 'Asia/Shanghai').toISOString()).toBe('0049-12-31T15:54:17.000Z');
  });

  it('round-trips dates of every century through instants', () => {
    for (const zone of ['Asia/Shanghai', 'America/New_York', 'UTC']) {
      for (const date of ['0000-01-01', '0001-01-01', '0004-02-29', '0050-06-15', '0099-12-31', '0100-01-01', '0999-12-31', '1969-12-31', '9999-12-31']) {
        expect([zone, localDateOf(instantAt(date, zone, 12), zone)]).toEqual([zone, date]);
      }
    }
  });

  it('counts days and weekdays in those years', () => {
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
    expect(addDays('0004-02-28', 1)).toBe('0004-02-29');
    expect(addDays('0050-03-01', -1)).toBe('0050-02-28');
    expect(addDays('0001-01-01', -1)).toBe('0000-12-31');
    expect(daysBetween('0099-12-31', '0100-01-01')).toBe(1);
    expect(daysBetween('0050-01-01', '2050-01-01')).toBe(730_485);
    // 1 January of year 1 (proleptic Gregorian) was a Monday; 1 January 50 a Saturday (ISO parsing agrees).
    expect(weekdayOf('0001-01-01')).toBe(1);
    expect(weekdayOf('0050-01-01')).toBe(6);
  });
});

import { describe, expect, it } from 'vitest';
import { durationParts, firstReplyDueAt, serviceClock } from '../../../shared/domain/service-clock';
import { localDateOf } from '../../../shared/domain/zoned-time';
import { DEFAULT_ORG_SETTINGS } from '../../../shared/schemas/org-settings';

const sla = DEFAULT_ORG_SETTINGS.sla;

describe('SLA clock: first reply due = received + 24 h (2 h when urgent), from the organisation settings', () => {
  it('SLA clock: 24 h after a mail received late in the evening in Shanghai falls on the next calendar day', () => {
    const due = firstReplyDueAt('2026-12-03T23:30:00+08:00', false, sla);
    expect(due).toBe('2026-12-04T15:30:00.000Z');
    expect(localDateOf(due, 'Asia/Shanghai')).toBe('2026-12-04');
  });

  it('SLA clock: urgent takes 2 h and crosses midnight and the year boundary', () => {
    const due = firstReplyDueAt('2026-12-31T23:00:00+08:00', true, sla);
    expect(due).toBe('2026-12-31T17:00:00.000Z');
    expect(localDateOf(due, 'Asia/Shanghai')).toBe('2027-01-01');
    // The same instant is still New Year's Eve in London and New York.
    expect(localDateOf(due, 'Europe/London')).toBe('2026-12-31');
    expect(localDateOf(due, 'America/New_York')).toBe('2026-12-31');
  });

  it('SLA clock: the same arrival written with different offsets has the same deadline', () => {
    const instants = ['2026-06-01T09:00:00+08:00', '2026-06-01T01:00:00Z', '2026-05-31T21:00:00-04:00', '2026-06-01T03:00:00+02:00'];
    const dues = new Set(instants.map((at) => firstReplyDueAt(at, false, sla)));
    expect([...dues]).toEqual(['2026-06-02T01:00:00.000Z']);
  });

  it('SLA clock: counts elapsed hours across a daylight-saving change (the wall clock shows 25 h later)', () => {
    // Berlin springs forward on 2026-03-29 at 02:00: 24 real hours after Saturday 12:00 (UTC+1)
    // is Sunday 13:00 (UTC+2).
    const due = firstReplyDueAt('2026-03-28T12:00:00+01:00', false, sla);
    expect(due).toBe('2026-03-29T11:00:00.000Z');
    const wall = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    expect(wall.format(new Date(due))).toBe('13:00');
  });

  it("SLA clock: uses the organisation's own hours, fractions included", () => {
    expect(firstReplyDueAt('2026-03-01T08:00:00Z', false, { firstReplyHours: 8, urgentFirstReplyHours: 0.5 })).toBe('2026-03-01T16:00:00.000Z');
    expect(firstReplyDueAt('2026-03-01T08:00:00Z', true, { firstReplyHours: 8, urgentFirstReplyHours: 0.5 })).toBe('2026-03-01T08:30:00.000Z');
    expect(() => firstReplyDueAt('yesterday', false, sla)).toThrow(RangeError);
  });

  it('SLA clock: time left runs down to the deadline, then the item is overdue', () => {
    const item = { firstReplyDueAt: '2026-12-04T01:00:00.000Z', firstReplyAt: null };
    expect(serviceClock(item, new Date('2026-12-03T22:47:30Z'))).toEqual({ state: 'running', dueAt: item.firstReplyDueAt, msLeft: 2 * 3_600_000 + 12 * 60_000 + 30_000 });
    expect(serviceClock(item, new Date('2026-12-04T01:00:00Z')).state).toBe('running');
    expect(serviceClock(item, new Date('2026-12-04T01:00:01Z'))).toMatchObject({ state: 'overdue', msLeft: -1000 });
  });

  it('SLA clock: the first reply stops it, on time or late by how much', () => {
    const due = '2026-12-04T01:00:00.000Z';
    expect(serviceClock({ firstReplyDueAt: due, firstReplyAt: '2026-12-04T00:59:00.000Z' }, new Date('2027-01-01T00:00:00Z'))).toEqual({
      state: 'replied',
      dueAt: due,
      repliedAt: '2026-12-04T00:59:00.000Z',
      late: false,
      msLate: 0,
    });
    expect(serviceClock({ firstReplyDueAt: due, firstReplyAt: '2026-12-04T11:00:00+08:00' }, new Date())).toMatchObject({ late: true, msLate: 2 * 3_600_000 });
  });

  it('splits a duration into days, hours, minutes and seconds for the countdown', () => {
    expect(durationParts(2 * 86_400_000 + 3 * 3_600_000 + 4 * 60_000 + 5_999)).toEqual({ days: 2, hours: 3, minutes: 4, seconds: 5 });
    expect(durationParts(-90_000)).toEqual({ days: 0, hours: 0, minutes: 1, seconds: 30 });
  });
});

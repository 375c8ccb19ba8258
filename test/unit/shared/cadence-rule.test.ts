import { describe, expect, it } from 'vitest';
import { cadenceDue, type CadenceFacts } from '../../../shared/domain/cadence-rule';
import { DEFAULT_ORG_SETTINGS } from '../../../shared/schemas/org-settings';

const settings = DEFAULT_ORG_SETTINGS; // Asia/Shanghai, reminders at 09:00
const facts = (extra: Partial<CadenceFacts>): CadenceFacts => ({
  customerId: 'c1',
  customerClass: 'A',
  createdAt: '2025-01-01T00:00:00Z',
  lastTouchAt: null,
  lastVisitAt: null,
  lastEndedAt: { touch: null, visit: null },
  ...extra,
});

describe('cadence rule per class at the boundary day', () => {
  // Touched Monday 2026-03-02 at 01:00 in Shanghai, which is still Sunday 03-01 in UTC.
  const touched = facts({ lastTouchAt: '2026-03-01T17:00:00Z', lastVisitAt: '2026-03-01T17:00:00Z' });

  it('class A: a touch is due 7 days after the last one, not a day earlier', () => {
    expect(cadenceDue(touched, 'touch', '2026-03-08', settings)).toBeNull();
    const due = cadenceDue(touched, 'touch', '2026-03-09', settings)!;
    expect(due).toMatchObject({ anchor: '2026-03-02', dueDate: '2026-03-09', dedupeKey: 'cadence:touch:c1:2026-03-02' });
    expect(due.dueAt.toISOString()).toBe('2026-03-09T01:00:00.000Z');
    // Still due (the same follow-up, same key) when the job runs late.
    expect(cadenceDue(touched, 'touch', '2026-03-20', settings)?.dedupeKey).toBe(due.dedupeKey);
  });

  it('class A visits every 60 days, B every 90, C every 120; C touches every 14 days', () => {
    expect(cadenceDue(touched, 'visit', '2026-04-30', settings)).toBeNull();
    expect(cadenceDue(touched, 'visit', '2026-05-01', settings)?.dueDate).toBe('2026-05-01');
    const b = { ...touched, customerClass: 'B' as const };
    expect(cadenceDue(b, 'visit', '2026-05-30', settings)).toBeNull();
    expect(cadenceDue(b, 'visit', '2026-05-31', settings)?.dueDate).toBe('2026-05-31');
    expect(cadenceDue(b, 'touch', '2026-03-09', settings)?.dueDate).toBe('2026-03-09');
    const c = { ...touched, customerClass: 'C' as const };
    expect(cadenceDue(c, 'touch', '2026-03-15', settings)).toBeNull();
    expect(cadenceDue(c, 'touch', '2026-03-16', settings)?.dueDate).toBe('2026-03-16');
    expect(cadenceDue(c, 'visit', '2026-06-29', settings)).toBeNull();
    expect(cadenceDue(c, 'visit', '2026-06-30', settings)?.dueDate).toBe('2026-06-30');
  });

  it('counts calendar days in the organisation zone, not in UTC', () => {
    const berlin = { ...settings, timeZone: 'Europe/Berlin' };
    // The same touch is on Sunday 03-01 in Berlin, so the touch is due a day earlier there.
    expect(cadenceDue(touched, 'touch', '2026-03-08', berlin)?.dueAt.toISOString()).toBe('2026-03-08T08:00:00.000Z');
  });

  it('never makes one for a customer touched in time; a new touch starts a new period and key', () => {
    const again = { ...touched, lastTouchAt: '2026-03-06T02:00:00Z' };
    expect(cadenceDue(again, 'touch', '2026-03-09', settings)).toBeNull();
    expect(cadenceDue(again, 'touch', '2026-03-13', settings)?.dedupeKey).toBe('cadence:touch:c1:2026-03-06');
  });

  it('counts from creation for a customer never touched, and from the end of the last cadence follow-up', () => {
    const fresh = facts({ createdAt: '2026-03-02T02:00:00Z' });
    expect(cadenceDue(fresh, 'touch', '2026-03-08', settings)).toBeNull();
    expect(cadenceDue(fresh, 'touch', '2026-03-09', settings)?.anchor).toBe('2026-03-02');
    const skipped = { ...touched, lastEndedAt: { touch: '2026-03-10T03:00:00Z', visit: null } };
    expect(cadenceDue(skipped, 'touch', '2026-03-16', settings)).toBeNull();
    expect(cadenceDue(skipped, 'touch', '2026-03-17', settings)?.dedupeKey).toBe('cadence:touch:c1:2026-03-10');
  });

  it('follows the organisation settings', () => {
    const custom = { ...settings, cadences: { ...settings.cadences, A: { touchDays: 3, visitDays: 30 } } };
    expect(cadenceDue(touched, 'touch', '2026-03-05', custom)?.dueDate).toBe('2026-03-05');
  });
});

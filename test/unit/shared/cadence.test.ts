import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCES, dormancyOf, isTouch, isTouchAt, lastTouchAt, meetsKeyAccountCriteria } from '../../../shared/domain/cadence';

const NOW = new Date('2026-06-15T12:00:00Z');
const created = '2026-01-01T00:00:00Z';

describe('dormancyOf', () => {
  it('uses the class cadence: A and B a week, C two weeks', () => {
    expect(DEFAULT_CADENCES.A.touchDays).toBe(7);
    expect(DEFAULT_CADENCES.B.touchDays).toBe(7);
    expect(DEFAULT_CADENCES.C.touchDays).toBe(14);
    const eightDaysAgo = '2026-06-07T12:00:00Z';
    expect(dormancyOf({ customerClass: 'A', createdAt: created }, eightDaysAgo, NOW)).toMatchObject({
      status: 'dormant',
      daysSinceTouch: 8,
      allowedDays: 7,
    });
    expect(dormancyOf({ customerClass: 'C', createdAt: created }, eightDaysAgo, NOW).status).toBe('active');
  });
  it('is not dormant exactly at the limit, and is one millisecond later', () => {
    const exactly = new Date(NOW.getTime() - 7 * 86_400_000).toISOString();
    expect(dormancyOf({ customerClass: 'B', createdAt: created }, exactly, NOW).status).toBe('active');
    const later = new Date(NOW.getTime() + 1);
    expect(dormancyOf({ customerClass: 'B', createdAt: created }, exactly, later).status).toBe('dormant');
  });
  it('counts a never-touched customer from its creation, so a new customer is not flagged', () => {
    expect(dormancyOf({ customerClass: 'A', createdAt: '2026-06-14T00:00:00Z' }, null, NOW).status).toBe('active');
    expect(dormancyOf({ customerClass: 'A', createdAt: created }, null, NOW)).toMatchObject({
      status: 'dormant',
      lastTouchAt: null,
    });
  });
  it('does not judge an unclassified customer', () => {
    expect(dormancyOf({ customerClass: null, createdAt: created }, null, NOW)).toEqual({ status: 'unclassified' });
  });
  it('follows an organisation’s own cadences', () => {
    const cadences = { ...DEFAULT_CADENCES, A: { touchDays: 30, visitDays: 60 } };
    expect(dormancyOf({ customerClass: 'A', createdAt: created }, '2026-06-01T00:00:00Z', NOW, cadences).status).toBe(
      'active',
    );
  });
});

describe('isTouch', () => {
  it('counts email, call, meeting and visit, not notes', () => {
    expect(['email', 'call', 'meeting', 'visit'].every((k) => isTouch(k as never))).toBe(true);
    expect(isTouch('note')).toBe(false);
    expect(isTouch('follow_up')).toBe(false);
  });
});

describe('a touch counts once it has happened', () => {
  const ms = (offset: number) => new Date(NOW.getTime() + offset).toISOString();
  it('isTouchAt: a touch kind that occurred before now', () => {
    expect(isTouchAt('meeting', ms(-1), NOW)).toBe(true);
    expect(isTouchAt('meeting', ms(0), NOW)).toBe(false);
    expect(isTouchAt('meeting', ms(7 * 86_400_000), NOW)).toBe(false);
    expect(isTouchAt('note', ms(-86_400_000), NOW)).toBe(false);
    // Compared as instants: 19:59 in Shanghai is 11:59 UTC, before NOW (12:00 UTC).
    expect(isTouchAt('call', '2026-06-15T19:59:00+08:00', NOW)).toBe(true);
    expect(isTouchAt('call', '2026-06-15T20:01:00+08:00', NOW)).toBe(false);
  });
  it('lastTouchAt: a meeting still to come is not the newest touch, so a class-A customer last touched 8 days ago is dormant', () => {
    const items = [
      { kind: 'email' as const, occurredAt: '2026-06-07T12:00:00Z' },
      { kind: 'meeting' as const, occurredAt: '2026-06-22T02:00:00Z' }, // booked for next week
      { kind: 'note' as const, occurredAt: '2026-06-14T00:00:00Z' },
    ];
    expect(lastTouchAt(items, NOW)).toBe('2026-06-07T12:00:00Z');
    expect(dormancyOf({ customerClass: 'A', createdAt: created }, lastTouchAt(items, NOW), NOW)).toMatchObject({ status: 'dormant', daysSinceTouch: 8 });
    // Once the meeting is held it is the newest touch.
    const after = new Date('2026-06-22T03:00:00Z');
    expect(lastTouchAt(items, after)).toBe('2026-06-22T02:00:00Z');
    expect(lastTouchAt([], NOW)).toBeNull();
  });
});

describe('meetsKeyAccountCriteria', () => {
  const card = (amount: number | null, currency = 'CNY') => ({ currency, cumulativeAmount: amount });
  it('is met above 200,000 CNY of business', () => {
    expect(meetsKeyAccountCriteria({ keyAccountScore: null, valueCard: card(200_001) }, null)).toBe(true);
    expect(meetsKeyAccountCriteria({ keyAccountScore: null, valueCard: card(200_000) }, null)).toBe(false);
    // Another currency is not compared with the CNY threshold.
    expect(meetsKeyAccountCriteria({ keyAccountScore: null, valueCard: card(900_000, 'USD') }, null)).toBe(false);
  });
  it('is met with a score at or above the portfolio average', () => {
    expect(meetsKeyAccountCriteria({ keyAccountScore: 6, valueCard: card(null) }, 6)).toBe(true);
    expect(meetsKeyAccountCriteria({ keyAccountScore: 5.9, valueCard: card(null) }, 6)).toBe(false);
    expect(meetsKeyAccountCriteria({ keyAccountScore: 6, valueCard: card(null) }, null)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCES, dormancyOf, isTouch, meetsKeyAccountCriteria } from '../../../shared/domain/cadence';

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

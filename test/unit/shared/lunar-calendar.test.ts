import { describe, expect, it } from 'vitest';
import { gregorianOfLunar, nextLunarDate } from '../../../shared/domain/lunar-calendar';
import { lunationNear, newMoonAt } from '../../../shared/domain/new-moon';

// Published dates (China's official holiday calendars and the Hong Kong Observatory's tables).
const SPRING_FESTIVAL: Record<number, string> = {
  1954: '1954-02-03',
  2020: '2020-01-25',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2030: '2030-02-03',
  2031: '2031-01-23',
};
const DRAGON_BOAT: Record<number, string> = {
  2020: '2020-06-25',
  2023: '2023-06-22',
  2024: '2024-06-10',
  2025: '2025-05-31',
  2026: '2026-06-19',
  2027: '2027-06-09',
  2028: '2028-05-28',
};
const MID_AUTUMN: Record<number, string> = {
  2023: '2023-09-29',
  2024: '2024-09-17',
  2025: '2025-10-06',
  2026: '2026-09-25',
  2027: '2027-09-15',
  2028: '2028-10-03',
};

describe('lunar holiday dates rule', () => {
  it('computes Spring Festival (1/1) for many years, including those where ICU alone is a day off', () => {
    for (const [year, date] of Object.entries(SPRING_FESTIVAL)) expect(gregorianOfLunar(Number(year), 1, 1), year).toBe(date);
  });

  it('computes the Dragon Boat Festival (5/5), also after a leap 2nd (2023) or 4th (2020) month', () => {
    for (const [year, date] of Object.entries(DRAGON_BOAT)) expect(gregorianOfLunar(Number(year), 5, 5), year).toBe(date);
  });

  it('computes Mid-Autumn (8/15), also after the leap 6th month of 2025', () => {
    for (const [year, date] of Object.entries(MID_AUTUMN)) expect(gregorianOfLunar(Number(year), 8, 15), year).toBe(date);
  });

  it('finds the next occurrence from any day, and keeps day 30 of a 29-day month on its last day', () => {
    expect(nextLunarDate(1, 1, '2026-02-17')).toBe('2026-02-17');
    expect(nextLunarDate(1, 1, '2026-02-18')).toBe('2027-02-06');
    expect(nextLunarDate(8, 15, '2025-10-07')).toBe('2026-09-25');
    // 除夕 of lunar year 2025: its 12th month has 29 days, so "12/30" is 2026-02-16, the eve of 2026-02-17.
    expect(nextLunarDate(12, 30, '2026-01-01')).toBe('2026-02-16');
  });

  it('puts new moons within a minute of the published instants', () => {
    for (const published of ['2027-02-06T15:56Z', '2030-02-02T16:07Z', '2025-01-29T12:36Z', '2017-08-21T18:30Z']) {
      const computed = newMoonAt(lunationNear(new Date(published)));
      expect(Math.abs(computed.getTime() - Date.parse(published)), published).toBeLessThan(60_000);
    }
  });
});

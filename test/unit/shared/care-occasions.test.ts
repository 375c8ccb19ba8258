import { describe, expect, it } from 'vitest';
import { careDueAt, inCareWindow, nextBirthday, nextSolarDate, upcomingOrgOccasions } from '../../../shared/domain/care-occasions';
import { DEFAULT_ORG_SETTINGS } from '../../../shared/schemas/org-settings';

const care = DEFAULT_ORG_SETTINGS.care;

describe('care occasions rule', () => {
  it('lists the holidays the organisation keeps and its own solar and lunar dates, next first', () => {
    const occasions = upcomingOrgOccasions(
      {
        ...care,
        orgDates: [
          { id: 'founding', name: '公司成立日', calendar: 'gregorian', month: 3, day: 18 },
          { id: 'temple', name: '元宵节', calendar: 'lunar', month: 1, day: 15 },
        ],
      },
      '2026-01-05',
    );
    expect(occasions.map((o) => [o.key, o.date])).toEqual([
      ['spring_festival', '2026-02-17'],
      ['org_date:temple', '2026-03-03'],
      ['org_date:founding', '2026-03-18'],
      ['dragon_boat', '2026-06-19'],
      ['mid_autumn', '2026-09-25'],
      ['new_year', '2027-01-01'],
    ]);
    expect(occasions.find((o) => o.key === 'org_date:temple')).toMatchObject({ kind: 'org_date', name: '元宵节' });
  });

  it('leaves out holidays the organisation switched off', () => {
    expect(upcomingOrgOccasions({ ...care, holidays: ['new_year'] }, '2026-12-31').map((o) => o.date)).toEqual(['2027-01-01']);
  });

  it('finds the next birthday with or without a birth year; 02-29 is kept on 02-28 in other years', () => {
    expect(nextBirthday('1980-05-17', '2026-05-17')).toBe('2026-05-17');
    expect(nextBirthday('05-17', '2026-05-18')).toBe('2027-05-17');
    expect(nextBirthday('1992-02-29', '2026-01-01')).toBe('2026-02-28');
    expect(nextBirthday('02-29', '2027-03-01')).toBe('2028-02-29');
    expect(nextSolarDate(12, 31, '2026-12-31')).toBe('2026-12-31');
  });

  it('is due lead days before the occasion at the reminder hour in the organisation zone', () => {
    const settings = { ...DEFAULT_ORG_SETTINGS, care: { ...care, leadDays: 3 } };
    expect(careDueAt('2026-02-17', settings).toISOString()).toBe('2026-02-14T01:00:00.000Z');
    expect(careDueAt('2026-02-17', { ...settings, timeZone: 'Europe/Berlin', reminderHour: 8 }).toISOString()).toBe(
      '2026-02-14T07:00:00.000Z',
    );
    expect(inCareWindow('2026-02-17', '2026-02-13', 3)).toBe(false);
    expect(inCareWindow('2026-02-17', '2026-02-14', 3)).toBe(true);
    expect(inCareWindow('2026-02-17', '2026-02-17', 3)).toBe(true);
    expect(inCareWindow('2026-02-17', '2026-02-18', 3)).toBe(false);
  });
});

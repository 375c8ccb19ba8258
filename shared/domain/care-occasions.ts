import type { CareOccasion } from '../schemas/follow-up';
import type { HolidayKind, OrgSettingsFields } from '../schemas/org-settings';
import { nextLunarDate } from './lunar-calendar';
import { addDays, daysBetween, instantAt, type LocalDate } from './zoned-time';

/**
 * Customer care (关怀, DOMAIN.md "Customer care"; seeds CARE-01/03): birthday and holiday
 * reminders as follow-ups, due `leadDays` before the occasion at the organisation's reminder hour.
 */

/** Where each built-in holiday falls: New Year on the solar calendar, the others on the lunar one. */
const HOLIDAYS: Record<HolidayKind, { calendar: 'gregorian' | 'lunar'; month: number; day: number }> = {
  new_year: { calendar: 'gregorian', month: 1, day: 1 },
  spring_festival: { calendar: 'lunar', month: 1, day: 1 },
  dragon_boat: { calendar: 'lunar', month: 5, day: 5 },
  mid_autumn: { calendar: 'lunar', month: 8, day: 15 },
};

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The first date on or after `from` with this month and day. 02-29 falls on 02-28 in other
 * years, and a 31st on the month's last day, so a yearly date is never skipped.
 */
export function nextSolarDate(month: number, day: number, from: LocalDate): LocalDate {
  const year = Number(from.slice(0, 4));
  for (const y of [year, year + 1]) {
    const last = new Date(Date.UTC(y, month, 0)).getUTCDate();
    const date = `${y}-${pad(month)}-${pad(Math.min(day, last))}`;
    if (date >= from) return date;
  }
  throw new Error('unreachable: a solar date recurs within a year');
}

function nextDate(calendar: 'gregorian' | 'lunar', month: number, day: number, from: LocalDate): LocalDate {
  return calendar === 'lunar' ? nextLunarDate(month, day, from) : nextSolarDate(month, day, from);
}

/** A contact's next birthday on or after `from`; birthdays are `MM-DD` or `YYYY-MM-DD`. */
export function nextBirthday(birthday: string, from: LocalDate): LocalDate {
  const [month, day] = birthday.slice(-5).split('-').map(Number) as [number, number];
  return nextSolarDate(month, day, from);
}

/** The organisation-wide occasions (holidays it keeps, its own dates) on or after `from`, next ones first. */
export function upcomingOrgOccasions(care: OrgSettingsFields['care'], from: LocalDate): (CareOccasion & { key: string })[] {
  const holidays = care.holidays.map((kind) => {
    const h = HOLIDAYS[kind];
    return { kind, name: null, date: nextDate(h.calendar, h.month, h.day, from), key: kind };
  });
  const own = care.orgDates.map((d) => ({
    kind: 'org_date' as const,
    name: d.name,
    date: nextDate(d.calendar, d.month, d.day, from),
    key: `org_date:${d.id}`,
  }));
  return [...holidays, ...own].sort((a, b) => a.date.localeCompare(b.date));
}

/** True while today is inside the reminder window: from `leadDays` before the occasion to the day itself. */
export function inCareWindow(occasionDate: LocalDate, today: LocalDate, leadDays: number): boolean {
  const ahead = daysBetween(today, occasionDate);
  return ahead >= 0 && ahead <= leadDays;
}

/** When the care follow-up for an occasion is due: `leadDays` before it, at the reminder hour, in the org's zone. */
export function careDueAt(occasionDate: LocalDate, settings: Pick<OrgSettingsFields, 'care' | 'timeZone' | 'reminderHour'>): Date {
  return instantAt(addDays(occasionDate, -settings.care.leadDays), settings.timeZone, settings.reminderHour);
}

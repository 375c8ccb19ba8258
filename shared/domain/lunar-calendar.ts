import { lunationNear, newMoonAt } from './new-moon';
import { addDays, daysBetween, type LocalDate } from './zoned-time';

/**
 * Dates of the Chinese lunisolar calendar (春节 = 1/1, 端午 = 5/5, 中秋 = 8/15, and an
 * organisation's own lunar dates), computed rather than typed in per year.
 *
 * A lunar month starts on the day, in China (UTC+8), of a new moon: that day comes from the
 * astronomical computation in new-moon.ts. Which month a lunation is (its number, and whether it
 * is a leap month, decided by the solar terms) comes from Intl's Chinese calendar, asked about
 * the middle of the lunation, where ICU's day-boundary error (see new-moon.ts) cannot reach.
 * Browsers and Node (full ICU) both carry that calendar, so the sidebar and the server agree.
 */

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The calendar date in China of an instant. */
function chinaDateOf(instant: Date): LocalDate {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

type Lunation = { start: LocalDate; days: number; year: number; month: number; leap: boolean };

// 'en' writes the month as digits with "bis" for a leap month ("6bis"); zh-CN writes 闰6.
// Anything but plain digits is read as a leap month, so either form (and future ICU wording) works.
let labeller: Intl.DateTimeFormat | undefined;

function labelOf(date: LocalDate): { year: number; month: number; leap: boolean } {
  labeller ??= new Intl.DateTimeFormat('en-u-ca-chinese', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });
  const parts = labeller.formatToParts(new Date(`${date}T12:00:00Z`));
  const month = parts.find((p) => p.type === 'month')?.value ?? '';
  // relatedYear (the Gregorian year the lunar year began in) is missing from older TS lib types.
  const year = parts.find((p) => (p.type as string) === 'relatedYear' || p.type === 'year')?.value ?? '';
  const number = Number.parseInt(month, 10);
  if (!Number.isInteger(number) || !/^\d{4}$/.test(year)) {
    throw new Error(`this platform's Chinese calendar gave no month and year for ${date}`);
  }
  return { year: Number(year), month: number, leap: !/^\d+$/.test(month) };
}

const lunations = new Map<number, Lunation>();

function lunation(k: number): Lunation {
  let found = lunations.get(k);
  if (!found) {
    const start = chinaDateOf(newMoonAt(k));
    const days = daysBetween(start, chinaDateOf(newMoonAt(k + 1)));
    found = { start, days, ...labelOf(addDays(start, 14)) };
    lunations.set(k, found);
  }
  return found;
}

/**
 * The Gregorian date of lunar `month`/`day` (a regular month, never the leap month of the same
 * number) of the lunar year that began in Gregorian year `year`. Day 30 of a 29-day month is
 * its last day, as people keep such dates.
 */
export function gregorianOfLunar(year: number, month: number, day: number): LocalDate {
  // Month m of lunar year y starts roughly (m − 1) lunations after late January of y.
  const guess = lunationNear(new Date(Date.UTC(year, 0, 21) + (month - 1) * 29.53 * 86_400_000));
  for (const k of [guess, guess - 1, guess + 1, guess - 2, guess + 2]) {
    const l = lunation(k);
    if (l.year === year && l.month === month && !l.leap) return addDays(l.start, Math.min(day, l.days) - 1);
  }
  throw new Error(`no lunar month ${month} in ${year}`);
}

/** The first date on or after `from` that is lunar `month`/`day`. */
export function nextLunarDate(month: number, day: number, from: LocalDate): LocalDate {
  const year = Number(from.slice(0, 4));
  // Lunar year y spans late January of y to February of y + 1, so y − 1 can still be ahead of `from`.
  for (const y of [year - 1, year, year + 1]) {
    const date = gregorianOfLunar(y, month, day);
    if (date >= from) return date;
  }
  throw new Error(`no lunar ${month}/${day} after ${from}`);
}

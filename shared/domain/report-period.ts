import type { ReportPeriod } from '../schemas/reports';
import { addDays, daysBetween, instantAt, localDateOf, weekdayOf, type LocalDate } from './zoned-time';

/**
 * A dashboard period as instants (issue 9): half-open [from, to), with the day boundaries of
 * `timeZone` (a Shanghai month starts at 16:00 UTC the day before). Weeks run Monday to Sunday
 * like the follow-up boards. `asOf` = min(to, now): figures that describe a state (overdue,
 * dormant, distribution) are taken then, so "this month" shows today's state and "last month"
 * the state at its end. The previous period is the one before, of the same kind: the month
 * before a month, the week before a week, the same number of days before a custom range.
 */
export type PeriodBounds = { from: Date; to: Date; asOf: Date; previousFrom: Date; fromDate: LocalDate; toDate: LocalDate };

const firstOfMonth = (date: LocalDate) => `${date.slice(0, 7)}-01`;

/** The first day of the month `months` after (or before) the month of `date`. */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** Local start dates [from, to) and of the previous period, before turning them into instants. */
export function periodDates(period: ReportPeriod, today: LocalDate): { from: LocalDate; to: LocalDate; previousFrom: LocalDate } {
  switch (period.kind) {
    case 'this-week': {
      const monday = addDays(today, 1 - weekdayOf(today));
      return { from: monday, to: addDays(monday, 7), previousFrom: addDays(monday, -7) };
    }
    case 'this-month': {
      const first = firstOfMonth(today);
      return { from: first, to: addMonths(first, 1), previousFrom: addMonths(first, -1) };
    }
    case 'last-month': {
      const first = addMonths(firstOfMonth(today), -1);
      return { from: first, to: addMonths(first, 1), previousFrom: addMonths(first, -1) };
    }
    case 'custom': {
      const to = addDays(period.to, 1);
      // Not Date.parse: a range ending 9999-12-31 ends on '10000-01-01', which ISO parsing refuses.
      const days = daysBetween(period.from, to);
      return { from: period.from, to, previousFrom: addDays(period.from, -days) };
    }
  }
}

export function resolvePeriod(period: ReportPeriod, timeZone: string, now: Date): PeriodBounds {
  const dates = periodDates(period, localDateOf(now, timeZone));
  const from = instantAt(dates.from, timeZone);
  const to = instantAt(dates.to, timeZone);
  const asOf = new Date(Math.max(from.getTime(), Math.min(to.getTime(), now.getTime())));
  return { from, to, asOf, previousFrom: instantAt(dates.previousFrom, timeZone), fromDate: dates.from, toDate: dates.to };
}

/** The local months `YYYY-MM` that [fromDate, toDate) touches, in order. */
export function monthsOf(fromDate: LocalDate, toDate: LocalDate): string[] {
  const months: string[] = [];
  for (let m = firstOfMonth(fromDate); m < toDate; m = addMonths(m, 1)) months.push(m.slice(0, 7));
  return months;
}

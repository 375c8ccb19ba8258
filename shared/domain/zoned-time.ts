/**
 * Calendar days in a time zone, for rules that speak in days ("the next day", "every 7 days",
 * "on the birthday") while instants are stored in UTC (issue 4: store UTC, show the user's zone,
 * and the organisation's zone decides the server's day boundaries). Built on Intl's time-zone
 * data, which browsers and Node (full ICU) both carry, so extension and server agree.
 */

/** A calendar date `YYYY-MM-DD`. */
export type LocalDate = string;

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      // Years before 1 AD come as 1, 2... BC: the era tells them apart (year 0 is 1 BC).
      era: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock fields of an instant in a zone. */
function wallClock(instant: Date, timeZone: string) {
  const fields: Record<string, number> = {};
  let beforeChrist = false;
  for (const part of partsFormatter(timeZone).formatToParts(instant)) {
    if (part.type === 'era') beforeChrist = part.value === 'BC';
    else if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  if (beforeChrist) fields.year = 1 - fields.year!;
  return fields as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

/**
 * Date.UTC for every year: Date.UTC (like new Date(y, ...)) reads a year 0-99 as 1900-1999, so
 * year 50 would be 1950. setUTCFullYear takes the year as given; setting year, month and day in
 * one call keeps an overflowing day (31 + n) and 29 February of a leap year below 100 right.
 */
function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const midnight = new Date(0).setUTCFullYear(year, month - 1, day);
  return midnight + ((hour * 60 + minute) * 60 + second) * 1000;
}

/** How far the zone's wall clock is ahead of UTC at that instant, in ms (Asia/Shanghai: +8 h). */
function offsetMs(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = utcMs(w.year, w.month, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DD` of a year 0-9999 (the only years a LocalDate has). */
const dateText = (year: number, month: number, day: number): LocalDate => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
const dateFields = (date: LocalDate) => date.split('-').map(Number) as [number, number, number];

/** The calendar date an instant falls on in a zone. */
export function localDateOf(instant: Date | string, timeZone: string): LocalDate {
  const w = wallClock(typeof instant === 'string' ? new Date(instant) : instant, timeZone);
  return dateText(w.year, w.month, w.day);
}

/**
 * The instant when the zone's wall clock shows `hour:minute` on `date`. A wall time skipped by a
 * daylight-saving jump moves forward by the jump (02:30 → 03:30); a repeated one takes its
 * later occurrence. Reminders fall on sensible hours, so neither case is more than a curiosity.
 */
export function instantAt(date: LocalDate, timeZone: string, hour = 0, minute = 0): Date {
  const [y, m, d] = dateFields(date);
  const wall = utcMs(y, m, d, hour, minute);
  // Two rounds settle every real zone: the offset at the first guess may differ from the
  // offset at the answer only across a transition.
  let guess = wall - offsetMs(new Date(wall), timeZone);
  guess = wall - offsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

/** The date `days` calendar days after (or before, when negative) `date`. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = dateFields(date);
  const next = new Date(utcMs(y, m, d + days));
  return dateText(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  const toUtc = (date: LocalDate) => utcMs(...dateFields(date));
  return Math.round((toUtc(to) - toUtc(from)) / 86_400_000);
}

/** Monday-based ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: LocalDate): number {
  return ((new Date(utcMs(...dateFields(date))).getUTCDay() + 6) % 7) + 1;
}

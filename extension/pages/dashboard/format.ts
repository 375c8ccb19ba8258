import type { ReportPeriod, ResolvedPeriod } from '../../../shared/schemas/reports';
import { language } from '../../i18n';

/**
 * Numbers as the reader's language writes them (grouping, decimal mark, percent sign). One
 * formatter each, made once: the dashboard formats thousands of cells when a table is long.
 */
const count = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });

export const formatCount = (n: number): string => count.format(n);
export const formatDecimal = (n: number): string => decimal.format(n);
/** A share between 0 and 1; none when there was nothing to count (0 of 0 is not 0 %). */
export const formatShare = (share: number | null): string => (share === null ? '–' : percent.format(share));

/** A local month `YYYY-MM` as the reader's language names it: "November 2026", "2026年11月". */
export function formatMonth(month: string, lang: string = language): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(lang, { timeZone: 'UTC', year: 'numeric', month: 'long' }).format(Date.UTC(year, m - 1, 1));
}

/** The period in a file name: `this-month`, or `2026-11-01_2026-11-30` for a custom range. */
export const periodSlug = (period: ReportPeriod): string => (period.kind === 'custom' ? `${period.from}_${period.to}` : period.kind);

/**
 * The resolved period in the zone whose days it counts (the organisation's): its first and last
 * day (`to` is exclusive, so the last day is the one before it) and the instant figures are taken.
 */
export function periodWords(period: ResolvedPeriod): { from: string; to: string; asOf: string; zone: string } {
  const dayIn = new Intl.DateTimeFormat(language, { timeZone: period.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const timeIn = new Intl.DateTimeFormat(language, { timeZone: period.timeZone, dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' });
  return {
    from: dayIn.format(new Date(period.from)),
    to: dayIn.format(new Date(Date.parse(period.to) - 1)),
    asOf: timeIn.format(new Date(period.asOf)),
    zone: period.timeZone,
  };
}

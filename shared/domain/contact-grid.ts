import type { CustomerClass } from '../schemas/customer';
import type { TimelineKind } from '../schemas/timeline';
import { isTouchAt } from './cadence';
import { addDays, instantAt, localDateOf, type LocalDate } from './zoned-time';

/**
 * The monthly contact grid (DOMAIN.md "Follow-ups"): customers × the days of a month, ticked on
 * the days they were touched, in the viewer's zone.
 */
export type GridMonth = `${number}-${number}`;

/** The month's dates and the instants it spans in a zone: [from, to). */
export function monthSpan(month: GridMonth, timeZone: string): { days: LocalDate[]; from: Date; to: Date } {
  const first = `${month}-01`;
  const days: LocalDate[] = [];
  for (let day = first; day.startsWith(month); day = addDays(day, 1)) days.push(day);
  const next = addDays(days.at(-1)!, 1);
  return { days, from: instantAt(first, timeZone), to: instantAt(next, timeZone) };
}

export type GridCustomer = { id: string; name: string; customerClass: CustomerClass | null };
export type GridTouch = { customerId: string; occurredAt: string; kind: TimelineKind };
export type GridRow = GridCustomer & { touchedDays: number[]; touches: number };

/**
 * One row per customer (class A first, then by name), ticks on the days of the month it was
 * touched by `now`: a meeting booked for later this month is ticked once it has happened.
 */
export function contactGrid(
  month: GridMonth,
  timeZone: string,
  customers: readonly GridCustomer[],
  touches: readonly GridTouch[],
  now: Date,
): { days: LocalDate[]; rows: GridRow[] } {
  const { days } = monthSpan(month, timeZone);
  const ticks = new Map<string, { days: Set<number>; count: number }>();
  for (const touch of touches) {
    if (!isTouchAt(touch.kind, touch.occurredAt, now)) continue;
    const date = localDateOf(touch.occurredAt, timeZone);
    if (!date.startsWith(`${month}-`)) continue;
    const entry = ticks.get(touch.customerId) ?? { days: new Set<number>(), count: 0 };
    entry.days.add(Number(date.slice(8)));
    entry.count += 1;
    ticks.set(touch.customerId, entry);
  }
  const rank = (c: CustomerClass | null) => (c === null ? 'Z' : c);
  const rows = [...customers]
    .sort((a, b) => rank(a.customerClass).localeCompare(rank(b.customerClass)) || a.name.localeCompare(b.name, 'zh-CN'))
    .map((c) => {
      const t = ticks.get(c.id);
      return { ...c, touchedDays: [...(t?.days ?? [])].sort((a, b) => a - b), touches: t?.count ?? 0 };
    });
  return { days, rows };
}

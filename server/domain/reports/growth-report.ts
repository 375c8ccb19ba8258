import type { ResolvedPeriod, GrowthReport } from '../../../shared/schemas/reports';
import type { NewCustomerCell, Person, RevenueRow } from '../../storage/repositories/reports/growth-figures';
import { shareOf } from './report-window';

/** New customers per person and month against the target, and revenue concentration. */
export function growthReport(
  period: ResolvedPeriod,
  input: { months: string[]; target: number; cells: NewCustomerCell[]; people: Person[]; revenue: RevenueRow[] },
): GrowthReport {
  const { months, target, cells } = input;
  const rows = new Map<string | null, { userId: string | null; name: string | null; perMonth: number[] }>();
  for (const p of input.people) rows.set(p.userId, { userId: p.userId, name: p.name, perMonth: months.map(() => 0) });
  for (const cell of cells) {
    const row = rows.get(cell.ownerUserId) ?? { userId: cell.ownerUserId, name: null, perMonth: months.map(() => 0) };
    row.perMonth[cell.month - 1]! += cell.customers;
    rows.set(cell.ownerUserId, row);
  }
  const reps = [...rows.values()].map((r) => ({
    ...r,
    total: r.perMonth.reduce((n, c) => n + c, 0),
    monthsOnTarget: r.perMonth.filter((n) => n >= target).length,
  }));
  return {
    period,
    newCustomers: { target, months, reps, total: reps.reduce((n, r) => n + r.total, 0) },
    revenue: input.revenue.map((r) => ({ ...r, share: shareOf(r.topAmount, r.totalAmount) })),
  };
}

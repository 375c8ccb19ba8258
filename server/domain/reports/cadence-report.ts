import type { Cadences } from '../../../shared/domain/cadence';
import { customerClassSchema } from '../../../shared/schemas/customer';
import type { CadenceReport, ResolvedPeriod } from '../../../shared/schemas/reports';
import type { ComplianceCell } from '../../storage/repositories/reports/touch-states';
import { shareOf } from './report-window';

/** Customers within their touch cadence at asOf / classified customers, overall, per class and per owner; the rest are dormant. */
export function cadenceReport(period: ResolvedPeriod, cells: ComplianceCell[], cadences: Cadences): CadenceReport {
  const sum = (list: ComplianceCell[]) => {
    const customers = list.reduce((n, c) => n + c.customers, 0);
    const compliant = list.reduce((n, c) => n + c.compliant, 0);
    return { customers, compliant, share: shareOf(compliant, customers) };
  };
  const byClass = customerClassSchema.options.map((customerClass) => ({
    customerClass,
    touchDays: cadences[customerClass].touchDays,
    ...sum(cells.filter((c) => c.customerClass === customerClass)),
  }));
  const owners = new Map<string | null, { userId: string | null; name: string | null; cells: ComplianceCell[] }>();
  for (const cell of cells) {
    const owner = owners.get(cell.ownerUserId) ?? { userId: cell.ownerUserId, name: cell.ownerName, cells: [] };
    owner.cells.push(cell);
    owners.set(cell.ownerUserId, owner);
  }
  const byRep = [...owners.values()]
    .map((o) => ({ userId: o.userId, name: o.name, ...sum(o.cells) }))
    .sort((a, b) => (a.share ?? 1) - (b.share ?? 1) || (a.name ?? '').localeCompare(b.name ?? ''));
  const dormant = Object.fromEntries(byClass.map((c) => [c.customerClass, c.customers - c.compliant])) as CadenceReport['dormant']['byClass'];
  const overall = sum(cells);
  return { period, overall, dormant: { count: overall.customers - overall.compliant, byClass: dormant }, byClass, byRep };
}

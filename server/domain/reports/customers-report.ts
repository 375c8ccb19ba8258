import { customerClassSchema, pyramidStageSchema, valueTierSchema } from '../../../shared/schemas/customer';
import { CUSTOMER_DIMENSIONS, NONE, type CustomerDimension, type CustomersReport, type ResolvedPeriod } from '../../../shared/schemas/reports';
import type { StateCell } from '../../storage/repositories/reports/customer-states';

/**
 * Distribution per class, tier and pyramid stage at asOf and at the period's start, and who
 * moved. Up and down follow each scale's order (A above B above C; strategic above important...;
 * the pyramid from lead up to strategic); becoming or ceasing to be classified is a move but
 * neither up nor down.
 */
export const DIMENSION_SCALES: Record<CustomerDimension, readonly string[]> = {
  // Best first.
  class: customerClassSchema.options,
  tier: valueTierSchema.options,
  stage: [...pyramidStageSchema.options].reverse(),
};

export function customersReport(period: ResolvedPeriod, cells: StateCell[]): CustomersReport {
  let total = 0;
  let previousTotal = 0;
  const dimensions = CUSTOMER_DIMENSIONS.map((dimension) => {
    const scale = DIMENSION_SCALES[dimension];
    const entries = new Map([...scale, NONE].map((value) => [value, { value, count: 0, previous: 0 }]));
    const moves = new Map<string, { from: string; to: string; count: number }>();
    let upgraded = 0;
    let downgraded = 0;
    for (const cell of cells.filter((c) => c.dimension === dimension)) {
      const start = cell.start ?? NONE;
      const end = cell.end ?? NONE;
      if (cell.atEnd) entries.get(end)!.count += cell.customers;
      if (cell.atStart) entries.get(start)!.previous += cell.customers;
      if (dimension === 'class') {
        if (cell.atEnd) total += cell.customers;
        if (cell.atStart) previousTotal += cell.customers;
      }
      if (!cell.atStart || !cell.atEnd || start === end) continue;
      const key = `${start}>${end}`;
      const move = moves.get(key) ?? { from: start, to: end, count: 0 };
      move.count += cell.customers;
      moves.set(key, move);
      const from = scale.indexOf(start);
      const to = scale.indexOf(end);
      if (from >= 0 && to >= 0) {
        if (to < from) upgraded += cell.customers;
        else downgraded += cell.customers;
      }
    }
    return { dimension, entries: [...entries.values()], moves: [...moves.values()].sort((a, b) => b.count - a.count || a.from.localeCompare(b.from)), upgraded, downgraded };
  });
  return { period, total, previousTotal, dimensions };
}

import { NONE, type CustomerDimension } from '../../../../shared/schemas/reports';
import type { Queryable } from '../../database';
import { toNumber } from '../row-mapping';
import { bind, CUSTOMER_COLUMNS, OWNER_JOIN, paged, toRowPage, windowParams, type Paging, type ReportWindow, type RowPage } from './report-sql';

/**
 * Class, value tier and pyramid stage of each customer in scope at two instants: the period's
 * start (= the previous period's end) and asOf. Read back from the audit trail (migration 0007:
 * the database records every changed column as [before, after]): a value at instant T is the
 * "before" of the first change recorded at or after T, or the current value when nothing changed
 * since T. So only the changes since the period's start are read, and customers created before
 * the trail existed are still right as long as no change of theirs predates it unrecorded.
 * Existing at T: created before T. Deleted customers are left out at both instants.
 */
export const DIMENSION_COLUMNS = { class: 'customer_class', tier: 'value_tier', stage: 'pyramid_stage' } as const satisfies Record<CustomerDimension, string>;

const firstBefore = (col: string, since: string) =>
  `(array_agg(a.changes -> '${col}' ORDER BY a.at, a.id) FILTER (WHERE a.changes ? '${col}'${since}))[1] -> 0`;
const valueAt = (col: string, changed: string) => `CASE WHEN m.${changed} IS NULL THEN c.${col} ELSE m.${changed} #>> '{}' END`;

/** `rows`: the drill-down's customer columns too; the counts read only the values (no name, no owner join). */
function statesSql(w: ReportWindow, rows: boolean) {
  const { named, inScope } = windowParams(w);
  const cols = Object.entries(DIMENSION_COLUMNS);
  const sql = `
    WITH changed AS (
      SELECT a.entity_id,
             ${cols.map(([d, col]) => `${firstBefore(col, '')} AS ${d}_start, ${firstBefore(col, ' AND a.at >= :asOf::timestamptz')} AS ${d}_end`).join(',\n             ')}
        FROM audit_events a
       WHERE a.org_id = :org AND a.entity = 'customers' AND a.op = 'update' AND a.at >= :from::timestamptz
         AND a.changes ?| ARRAY[${cols.map(([, col]) => `'${col}'`).join(', ')}]
       GROUP BY a.entity_id)
    SELECT ${rows ? `${CUSTOMER_COLUMNS}, ` : ''}c.created_at < :from::timestamptz AS at_start, c.created_at < :asOf::timestamptz AS at_end,
           ${cols.map(([d, col]) => `${valueAt(col, `${d}_start`)} AS ${d}_start, ${valueAt(col, `${d}_end`)} AS ${d}_end`).join(',\n           ')}
      FROM customers c
      ${rows ? OWNER_JOIN : ''}
      LEFT JOIN changed m ON m.entity_id = c.id
     WHERE ${inScope} AND c.created_at < :asOf::timestamptz`;
  return { sql, named };
}

export type StateCell = { dimension: CustomerDimension; start: string | null; end: string | null; atStart: boolean; atEnd: boolean; customers: number };

export function customerStatesRepository(q: Queryable) {
  return {
    /** Customers per (value at start, value at asOf) for each dimension. */
    async cells(w: ReportWindow): Promise<StateCell[]> {
      const base = statesSql(w, false);
      const dims = Object.keys(DIMENSION_COLUMNS) as CustomerDimension[];
      // One pass over the customers into the few distinct combinations, then each dimension from those.
      const values = dims.flatMap((d) => [`${d}_start`, `${d}_end`]).join(', ');
      const { sql, params } = bind(
        `WITH s AS MATERIALIZED (SELECT ${values}, at_start, at_end, count(*) AS n FROM (${base.sql}) b GROUP BY ${values}, at_start, at_end)
         ${dims.map((d) => `SELECT '${d}' AS dimension, ${d}_start AS start_value, ${d}_end AS end_value, at_start, at_end, sum(n) AS customers FROM s GROUP BY 2, 3, 4, 5`).join('\nUNION ALL\n')}`,
        base.named,
      );
      const rows = await q.query<Record<string, unknown>>(sql, params);
      return rows.map((r) => ({
        dimension: r.dimension as CustomerDimension,
        start: (r.start_value as string | null) ?? null,
        end: (r.end_value as string | null) ?? null,
        atStart: Boolean(r.at_start),
        atEnd: Boolean(r.at_end),
        customers: toNumber(r.customers),
      }));
    },
    /**
     * The customers at asOf with a value ('current'; `values` narrows by dimension, null value =
     * not set), those at the period's start with a value then ('previous': the distribution's
     * `previous` count), or those at asOf whose value in `dimension` (any when null) changed
     * since the start ('moved').
     */
    async rows(w: ReportWindow, which: 'current' | 'previous' | 'moved', values: Partial<Record<CustomerDimension, string | null>>, dimension: CustomerDimension | null, paging: Paging): Promise<RowPage> {
      const base = statesSql(w, true);
      const named = { ...base.named };
      const instant = which === 'previous' ? 'start' : 'end';
      const where: string[] = [];
      for (const [d, value] of Object.entries(values) as [CustomerDimension, string | null][]) {
        if (value === null) where.push(`${d}_${instant} IS NULL`);
        else {
          named[`value_${d}`] = value;
          where.push(`${d}_${instant} = :value_${d}`);
        }
      }
      const movedIn = (d: CustomerDimension) => `(at_start AND ${d}_start IS DISTINCT FROM ${d}_end)`;
      const dims = dimension ? [dimension] : (Object.keys(DIMENSION_COLUMNS) as CustomerDimension[]);
      if (which === 'moved') where.push(`(${dims.map(movedIn).join(' OR ')})`);
      // One row per customer; a customer that moved in several dimensions shows the first named.
      const firstMove = (then: (d: CustomerDimension) => string) =>
        which === 'moved' ? `CASE ${dims.map((d) => `WHEN ${movedIn(d)} THEN ${then(d)}`).join(' ')} END` : 'NULL';
      const query = paged(
        `SELECT s.*, ${firstMove((d) => `'${d}'`)} AS change_dimension, ${firstMove((d) => `coalesce(${d}_start, '${NONE}')`)} AS change_from,
                ${firstMove((d) => `coalesce(${d}_end, '${NONE}')`)} AS change_to, count(*) OVER () AS total
           FROM (${base.sql}) s WHERE at_${instant} ${where.map((c) => `AND ${c}`).join(' ')}
          ORDER BY customer_name, customer_id`,
        named,
        paging,
      );
      return toRowPage(await q.query(query.sql, query.params));
    },
  };
}

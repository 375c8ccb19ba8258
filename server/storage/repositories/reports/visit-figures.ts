import type { Queryable } from '../../database';
import { toNumber } from '../row-mapping';
import { byOwner, countedItems, CUSTOMER_COLUMNS, inPeriod, namedQuery, OWNER_JOIN, ownerParams, paged, toRowPage, windowParams, type OwnerFilter, type Paging, type ReportWindow, type RowPage } from './report-sql';

/**
 * Visit plans and reports of the customers in scope. Planned: planned for a time in the period;
 * due: of those, planned before asOf; held: due and held (reported); completion = held / due.
 * Reports: visits reported in the period (report.reportedAt); reviewed: of those, reviewed
 * before asOf.
 */
const REPORTED_AT = `(v.report ->> 'reportedAt')::timestamptz`;
const REVIEWED = `(v.review IS NOT NULL AND (v.review ->> 'reviewedAt')::timestamptz < :asOf::timestamptz)`;
const DUE = `(${inPeriod('v.planned_at')} AND v.planned_at < :asOf::timestamptz)`;
const FIGURE_WHERE = {
  planned: inPeriod('v.planned_at'),
  due: DUE,
  held: `(${DUE} AND v.status = 'held')`,
  cancelled: `(${inPeriod('v.planned_at')} AND v.status = 'cancelled')`,
  stillPlanned: `(${inPeriod('v.planned_at')} AND v.status = 'planned')`,
  reported: `(v.report IS NOT NULL AND ${inPeriod(REPORTED_AT)})`,
  reviewed: `(v.report IS NOT NULL AND ${inPeriod(REPORTED_AT)} AND ${REVIEWED})`,
  unreviewed: `(v.report IS NOT NULL AND ${inPeriod(REPORTED_AT)} AND NOT ${REVIEWED})`,
} as const;
export type VisitFigure = keyof typeof FIGURE_WHERE;

const FROM = `FROM visits v JOIN customers c ON c.id = v.customer_id`;

export function visitFiguresRepository(q: Queryable) {
  return {
    async counts(w: ReportWindow): Promise<Record<VisitFigure, number>> {
      const { named } = windowParams(w);
      const scoped = countedItems(w, 'v');
      const figures = Object.entries(FIGURE_WHERE);
      const [row] = await namedQuery<Record<string, unknown>>(
        q,
        `SELECT ${figures.map(([k, cond]) => `count(*) FILTER (WHERE ${cond}) AS "${k}"`).join(', ')}
           FROM visits v ${scoped.join}
          WHERE v.org_id = :org AND v.deleted_at IS NULL AND ${scoped.where}
            AND (${FIGURE_WHERE.planned} OR ${FIGURE_WHERE.reported})`,
        named,
      );
      return Object.fromEntries(figures.map(([k]) => [k, toNumber(row?.[k] ?? 0)])) as Record<VisitFigure, number>;
    },
    async rows(w: ReportWindow, figure: VisitFigure, filter: OwnerFilter, paging: Paging): Promise<RowPage> {
      const { named, inScope } = windowParams(w);
      const reports = figure === 'reported' || figure === 'reviewed' || figure === 'unreviewed';
      const at = reports ? REPORTED_AT : 'v.planned_at';
      const query = paged(
        `SELECT ${CUSTOMER_COLUMNS}, v.id AS item_id, ${at} AS at, v.status AS state,
                CASE WHEN v.report IS NULL THEN NULL WHEN ${REVIEWED} THEN 'reviewed' ELSE 'unreviewed' END AS kind,
                v.purpose AS summary, (v.report ->> 'satisfaction')::int AS rating, v.report ->> 'feedbackTag' AS feedback_tag,
                count(*) OVER () AS total
           ${FROM} ${OWNER_JOIN}
          WHERE v.org_id = :org AND v.deleted_at IS NULL AND ${inScope} AND ${FIGURE_WHERE[figure]}
            AND ${byOwner('v.owner_user_id')}
          ORDER BY ${at}, v.id`,
        { ...named, ...ownerParams(filter) },
        paging,
      );
      return toRowPage(await q.query(query.sql, query.params));
    },
  };
}

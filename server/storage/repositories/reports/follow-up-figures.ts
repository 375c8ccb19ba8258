import type { FollowUpSource } from '../../../../shared/schemas/follow-up';
import type { Queryable } from '../../database';
import { toNumber } from '../row-mapping';
import { byOwner, countedItems, CUSTOMER_COLUMNS, inPeriod, namedQuery, OWNER_JOIN, ownerParams, paged, toRowPage, windowParams, type OwnerFilter, type Paging, type ReportWindow, type RowPage } from './report-sql';

/**
 * Follow-ups of the customers in scope: created in the period, done / skipped in the period, and
 * overdue at asOf. Overdue is the sidebar's rule (shared/domain/follow-up-board.ts isOverdue: open
 * and due before now) taken at asOf from stored columns: created before asOf, due before asOf, and
 * still open then (open now, or ended at or after asOf).
 */
const OVERDUE = `(f.created_at < :asOf::timestamptz AND f.due_at < :asOf::timestamptz AND (f.status = 'open' OR f.completed_at >= :asOf::timestamptz))`;
const FIGURE_WHERE = {
  created: inPeriod('f.created_at'),
  done: `(f.status = 'done' AND ${inPeriod('f.completed_at')})`,
  skipped: `(f.status = 'skipped' AND ${inPeriod('f.completed_at')})`,
  overdue: OVERDUE,
} as const;
export type FollowUpFigure = keyof typeof FIGURE_WHERE;

const FROM = `FROM follow_ups f JOIN customers c ON c.id = f.customer_id`;

export type FollowUpCounts = Record<FollowUpFigure, number> & { createdBySource: Partial<Record<FollowUpSource, number>> };

export function followUpFiguresRepository(q: Queryable) {
  return {
    async counts(w: ReportWindow): Promise<FollowUpCounts> {
      const { named } = windowParams(w);
      const scoped = countedItems(w, 'f');
      const figures = Object.entries(FIGURE_WHERE);
      const rows = await namedQuery<Record<string, unknown>>(
        q,
        `SELECT f.source, ${figures.map(([k, cond]) => `count(*) FILTER (WHERE ${cond}) AS ${k}`).join(', ')}
           FROM follow_ups f ${scoped.join}
          WHERE f.org_id = :org AND f.deleted_at IS NULL AND ${scoped.where}
            AND (${figures.map(([, cond]) => cond).join(' OR ')})
          GROUP BY f.source`,
        named,
      );
      const out: FollowUpCounts = { created: 0, done: 0, skipped: 0, overdue: 0, createdBySource: {} };
      for (const r of rows) {
        for (const [k] of figures) out[k as FollowUpFigure] += toNumber(r[k]);
        out.createdBySource[r.source as FollowUpSource] = toNumber(r.created);
      }
      return out;
    },
    async rows(w: ReportWindow, figure: FollowUpFigure, filter: OwnerFilter & { source?: FollowUpSource | undefined }, paging: Paging): Promise<RowPage> {
      const { named, inScope } = windowParams(w);
      const at = figure === 'created' || figure === 'overdue' ? 'f.created_at' : 'f.completed_at';
      const query = paged(
        `SELECT ${CUSTOMER_COLUMNS}, f.id AS item_id, ${at} AS at, f.due_at, f.status AS state, f.purpose AS kind,
                f.reason AS summary, f.satisfaction AS rating, count(*) OVER () AS total
           ${FROM} ${OWNER_JOIN}
          WHERE f.org_id = :org AND f.deleted_at IS NULL AND ${inScope} AND ${FIGURE_WHERE[figure]}
            AND ${byOwner('f.owner_user_id')} AND (:source::text IS NULL OR f.source = :source)
          ORDER BY ${figure === 'overdue' ? 'f.due_at' : at}, f.id`,
        { ...named, ...ownerParams(filter), source: filter.source ?? null },
        paging,
      );
      return toRowPage(await q.query(query.sql, query.params));
    },
  };
}

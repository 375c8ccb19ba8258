import type { FeedbackTag } from '../../../../shared/schemas/service-item';
import type { Queryable } from '../../database';
import { toNumber } from '../row-mapping';
import { byOwner, countedItems, CUSTOMER_COLUMNS, inPeriod, namedQuery, OWNER_JOIN, ownerParams, paged, toRowPage, windowParams, type OwnerFilter, type Paging, type ReportWindow, type RowPage } from './report-sql';

/**
 * What customers said in the period, wherever it was recorded: satisfaction ratings (1-5) on a
 * resolved service item (counted when resolved), a completed follow-up such as a return visit
 * (when completed) and a visit report (when reported); praise / complaint / suggestion tags on
 * service items (when received) and visit reports (when reported).
 */
const REPORTED_AT = `(v.report ->> 'reportedAt')::timestamptz`;
const SAID_BY = {
  serviceRating: `SELECT 'service' AS source, s.id AS item_id, s.customer_id, s.resolved_at AS at, s.satisfaction AS rating, NULL::text AS feedback_tag, s.summary
    FROM service_items s WHERE s.org_id = :org AND s.deleted_at IS NULL AND s.satisfaction IS NOT NULL AND ${inPeriod('s.resolved_at')}`,
  serviceTag: `SELECT 'service', s.id, s.customer_id, s.received_at, NULL, s.feedback_tag, s.summary
    FROM service_items s WHERE s.org_id = :org AND s.deleted_at IS NULL AND s.feedback_tag IS NOT NULL AND ${inPeriod('s.received_at')}`,
  followUpRating: `SELECT 'follow_up', f.id, f.customer_id, f.completed_at, f.satisfaction, NULL, f.reason
    FROM follow_ups f WHERE f.org_id = :org AND f.deleted_at IS NULL AND f.satisfaction IS NOT NULL AND ${inPeriod('f.completed_at')}`,
  visitReport: `SELECT 'visit', v.id, v.customer_id, ${REPORTED_AT}, (v.report ->> 'satisfaction')::int, v.report ->> 'feedbackTag', v.purpose
    FROM visits v WHERE v.org_id = :org AND v.deleted_at IS NULL AND v.report IS NOT NULL AND ${inPeriod(REPORTED_AT)}
     AND (v.report ->> 'satisfaction' IS NOT NULL OR v.report ->> 'feedbackTag' IS NOT NULL)`,
};
/** Visit reports are sales work: left out for a support lead (shared/domain/access.ts; report-scope.ts). */
const said = (visits: boolean) =>
  Object.entries(SAID_BY)
    .filter(([source]) => visits || source !== 'visitReport')
    .map(([, sql]) => sql)
    .join('\n  UNION ALL\n  ');

export type FeedbackCounts = { ratings: number[]; tags: Record<FeedbackTag, number> };

export function feedbackFiguresRepository(q: Queryable) {
  return {
    async counts(w: ReportWindow, withVisits: boolean): Promise<FeedbackCounts> {
      const { named } = windowParams(w);
      const scoped = countedItems(w, 'r');
      const rows = await namedQuery<{ rating: unknown; feedback_tag: FeedbackTag | null; n: unknown }>(
        q,
        `SELECT r.rating, r.feedback_tag, count(*) AS n FROM (${said(withVisits)}) r ${scoped.join}
          WHERE ${scoped.where} GROUP BY r.rating, r.feedback_tag`,
        named,
      );
      const out: FeedbackCounts = { ratings: [0, 0, 0, 0, 0], tags: { praise: 0, complaint: 0, suggestion: 0 } };
      for (const r of rows) {
        if (r.rating !== null) out.ratings[toNumber(r.rating) - 1]! += toNumber(r.n);
        if (r.feedback_tag !== null) out.tags[r.feedback_tag] += toNumber(r.n);
      }
      return out;
    },
    /** 'rated': ratings (one value when `rating` is given); 'feedback': tags (one when `feedbackTag` is given). */
    async rows(w: ReportWindow, withVisits: boolean, figure: 'rated' | 'feedback', filter: OwnerFilter & { rating?: number; feedbackTag?: string }, paging: Paging): Promise<RowPage> {
      const { named, inScope } = windowParams(w);
      const which = figure === 'rated' ? 'r.rating IS NOT NULL' : 'r.feedback_tag IS NOT NULL';
      const query = paged(
        `SELECT ${CUSTOMER_COLUMNS}, r.item_id, r.at, r.source AS kind, r.summary, r.rating, r.feedback_tag, count(*) OVER () AS total
           FROM (${said(withVisits)}) r JOIN customers c ON c.id = r.customer_id ${OWNER_JOIN}
          WHERE ${inScope} AND ${which} AND (:rating::int IS NULL OR r.rating = :rating)
            AND (:tag::text IS NULL OR r.feedback_tag = :tag) AND ${byOwner('c.owner_user_id')}
          ORDER BY r.at, r.item_id`,
        { ...named, rating: filter.rating ?? null, tag: filter.feedbackTag ?? null, ...ownerParams(filter) },
        paging,
      );
      return toRowPage(await q.query(query.sql, query.params));
    },
  };
}

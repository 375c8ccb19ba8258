import type { Cadences } from '../../../../shared/domain/cadence';
import type { CustomerClass } from '../../../../shared/schemas/customer';
import type { Queryable } from '../../database';
import { toNumber } from '../row-mapping';
import { TOUCH_KINDS_SQL as TOUCHES } from '../touch-kinds-sql';
import { bind, byOwner, CUSTOMER_COLUMNS, msBetween, OWNER_JOIN, ownerParams, paged, toRowPage, windowParams, type OwnerFilter, type Paging, type ReportWindow, type RowPage } from './report-sql';

/**
 * Cadence compliance and dormancy at asOf, in SQL for speed. It must say what the sidebar's
 * shared rule says (shared/domain/cadence.ts dormancyOf): a classified customer is dormant when
 * the time since its newest touch (or, never touched, since it was created) is MORE than its
 * class's touchDays × 24 h, counted in milliseconds. A touch is an email, call, meeting or visit
 * (TOUCH_KINDS) that happened before asOf (hasHappened at asOf = min(period end, now): a meeting
 * later in the current period is no touch yet, as in the sidebar).
 * test/integration/reports-sql-rules.test.ts checks this SQL against dormancyOf on generated data.
 */
const SINCE_MS = msBetween(':asOf::timestamptz', 'coalesce(lt.at, c.created_at)');
const ALLOWED_MS = `86400000 * (CASE c.customer_class WHEN 'A' THEN :touchA::int WHEN 'B' THEN :touchB::int ELSE :touchC::int END)`;
const cadenceParams = (cadences: Cadences) => ({ touchA: cadences.A.touchDays, touchB: cadences.B.touchDays, touchC: cadences.C.touchDays });

/**
 * The same rule for counting only, without looking up every customer's newest touch: a customer
 * is within its cadence when its newest touch before asOf is recent enough, and every such touch
 * lies in the last max(touchDays) days, which one range scan of the organisation's recent touches
 * finds (timeline_items_recent_touches_idx). A customer with no touch in that window is within
 * its cadence only if created recently enough AND never touched before asOf (a touch older than
 * its creation, e.g. imported mail history, still counts as its newest touch).
 */
function compliantSql(w: ReportWindow, cadences: Cadences) {
  const { named, inScope } = windowParams(w);
  const windowMs = Math.max(cadences.A.touchDays, cadences.B.touchDays, cadences.C.touchDays) * 86_400_000 + 1000;
  // sinceMs <= touchDays × 24 h  ⇔  the instant (at ms precision) is at or after asOf − touchDays × 24 h:
  // asOf is whole milliseconds, so comparing instants to these cut-offs counts the same as the
  // millisecond arithmetic above, without computing a duration per customer.
  const cutoff = (days: number) => new Date(w.asOf.getTime() - days * 86_400_000).toISOString();
  const cutoffs = { cutA: cutoff(cadences.A.touchDays), cutB: cutoff(cadences.B.touchDays), cutC: cutoff(cadences.C.touchDays) };
  const CUTOFF = `(CASE c.customer_class WHEN 'A' THEN :cutA::timestamptz WHEN 'B' THEN :cutB::timestamptz ELSE :cutC::timestamptz END)`;
  const text = `
    WITH recent AS (
      SELECT t.customer_id, max(t.occurred_at) AS at FROM timeline_items t
       WHERE t.org_id = :org AND t.deleted_at IS NULL AND t.kind IN (${TOUCHES})
         AND t.occurred_at >= :asOf::timestamptz - make_interval(secs => :windowMs::bigint / 1000.0) AND t.occurred_at < :asOf::timestamptz
       GROUP BY t.customer_id)
    SELECT c.customer_class, c.owner_user_id,
           CASE WHEN r.at IS NOT NULL THEN date_trunc('milliseconds', r.at) >= ${CUTOFF}
                -- A scalar subquery with LIMIT, not NOT EXISTS: PostgreSQL would hash NOT EXISTS over
                -- every touch of the organisation; this probes the index for the few customers it reaches.
                WHEN date_trunc('milliseconds', c.created_at) >= ${CUTOFF} THEN (
                  SELECT true FROM timeline_items t WHERE t.customer_id = c.id AND t.deleted_at IS NULL AND t.kind IN (${TOUCHES})
                     AND t.occurred_at < :asOf::timestamptz LIMIT 1) IS NULL
                ELSE false END AS compliant
      FROM customers c LEFT JOIN recent r ON r.customer_id = c.id
     WHERE ${inScope} AND c.customer_class IS NOT NULL AND c.created_at < :asOf::timestamptz`;
  return { text, named: { ...named, ...cutoffs, windowMs } };
}

function states(w: ReportWindow, cadences: Cadences) {
  const { named, inScope } = windowParams(w);
  const text = `
    SELECT ${CUSTOMER_COLUMNS}, lt.at AS last_touch_at, ${SINCE_MS} AS since_ms,
           ${SINCE_MS} > ${ALLOWED_MS} AS dormant
      FROM customers c
      ${OWNER_JOIN}
      LEFT JOIN LATERAL (
        SELECT t.occurred_at AS at FROM timeline_items t
         WHERE t.customer_id = c.id AND t.deleted_at IS NULL AND t.kind IN (${TOUCHES}) AND t.occurred_at < :asOf::timestamptz
         ORDER BY t.occurred_at DESC LIMIT 1) lt ON TRUE
     WHERE ${inScope} AND c.customer_class IS NOT NULL AND c.created_at < :asOf::timestamptz`;
  return { text, named: { ...named, ...cadenceParams(cadences) } };
}

export type ComplianceCell = { customerClass: CustomerClass; ownerUserId: string | null; ownerName: string | null; customers: number; compliant: number };

export function touchStatesRepository(q: Queryable) {
  return {
    /** Classified customers in scope per class and owner, and how many are within their cadence. */
    async compliance(w: ReportWindow, cadences: Cadences): Promise<ComplianceCell[]> {
      const base = compliantSql(w, cadences);
      const { sql, params } = bind(
        `SELECT s.customer_class, s.owner_user_id, owner.display_name AS owner_name, count(*) AS customers, count(*) FILTER (WHERE compliant) AS compliant
           FROM (${base.text}) s LEFT JOIN users owner ON owner.id = s.owner_user_id
          GROUP BY s.customer_class, s.owner_user_id, owner.display_name`,
        base.named,
      );
      const rows = await q.query<Record<string, unknown>>(sql, params);
      return rows.map((r) => ({
        customerClass: r.customer_class as CustomerClass,
        ownerUserId: (r.owner_user_id as string | null) ?? null,
        ownerName: (r.owner_name as string | null) ?? null,
        customers: toNumber(r.customers),
        compliant: toNumber(r.compliant),
      }));
    },
    /** The customers behind it: dormant ones (the overdue list) or those within their cadence. */
    async rows(w: ReportWindow, cadences: Cadences, dormant: boolean, filter: OwnerFilter & { customerClass?: string }, paging: Paging): Promise<RowPage> {
      const base = states(w, cadences);
      const query = paged(
        `SELECT s.*, last_touch_at AS at, since_ms AS duration_ms, CASE WHEN dormant THEN 'dormant' ELSE 'active' END AS state,
                count(*) OVER () AS total
           FROM (${base.text}) s
          WHERE dormant = :dormant AND (:class::text IS NULL OR customer_class = :class) AND ${byOwner('owner_user_id')}
          ORDER BY since_ms DESC, customer_id`,
        { ...base.named, dormant, class: filter.customerClass ?? null, ...ownerParams(filter) },
        paging,
      );
      return toRowPage(await q.query(query.sql, query.params));
    },
  };
}

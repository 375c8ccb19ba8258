import { TOUCH_KINDS, type Cadences } from '../../../../shared/domain/cadence';
import type { CustomerClass } from '../../../../shared/schemas/customer';
import type { Queryable } from '../../database';
import { toNumber } from '../row-mapping';
import { bind, CUSTOMER_COLUMNS, OWNER_JOIN, msBetween, paged, toRowPage, windowParams, type Paging, type ReportWindow, type RowPage } from './report-sql';

/**
 * Cadence compliance and dormancy at asOf, in SQL for speed. It must say what the sidebar's
 * shared rule says (shared/domain/cadence.ts dormancyOf): a classified customer is dormant when
 * the time since its newest touch (or, never touched, since it was created) is MORE than its
 * class's touchDays × 24 h, counted in milliseconds. A touch is an email, call, meeting or visit
 * (TOUCH_KINDS) that happened before asOf. test/integration/reports-sql-rules.test.ts checks this
 * SQL against dormancyOf on generated data.
 */
const TOUCHES = [...TOUCH_KINDS].map((k) => `'${k}'`).join(', ');
const SINCE_MS = msBetween(':asOf::timestamptz', 'coalesce(lt.at, c.created_at)');

function states(w: ReportWindow, cadences: Cadences) {
  const { named, inScope } = windowParams(w);
  const text = `
    SELECT ${CUSTOMER_COLUMNS}, lt.at AS last_touch_at, ${SINCE_MS} AS since_ms,
           ${SINCE_MS} > 86400000 * (CASE c.customer_class WHEN 'A' THEN :touchA::int WHEN 'B' THEN :touchB::int ELSE :touchC::int END) AS dormant
      FROM customers c
      ${OWNER_JOIN}
      LEFT JOIN LATERAL (
        SELECT t.occurred_at AS at FROM timeline_items t
         WHERE t.customer_id = c.id AND t.deleted_at IS NULL AND t.kind IN (${TOUCHES}) AND t.occurred_at < :asOf::timestamptz
         ORDER BY t.occurred_at DESC LIMIT 1) lt ON TRUE
     WHERE ${inScope} AND c.customer_class IS NOT NULL AND c.created_at < :asOf::timestamptz`;
  return { text, named: { ...named, touchA: cadences.A.touchDays, touchB: cadences.B.touchDays, touchC: cadences.C.touchDays } };
}

export type ComplianceCell = { customerClass: CustomerClass; ownerUserId: string | null; ownerName: string | null; customers: number; compliant: number };

export function touchStatesRepository(q: Queryable) {
  return {
    /** Classified customers in scope per class and owner, and how many are within their cadence. */
    async compliance(w: ReportWindow, cadences: Cadences): Promise<ComplianceCell[]> {
      const base = states(w, cadences);
      const { sql, params } = bind(
        `SELECT customer_class, owner_user_id, owner_name, count(*) AS customers, count(*) FILTER (WHERE NOT dormant) AS compliant
           FROM (${base.text}) s GROUP BY customer_class, owner_user_id, owner_name`,
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
    async rows(w: ReportWindow, cadences: Cadences, dormant: boolean, filter: { customerClass?: string; ownerUserId?: string }, paging: Paging): Promise<RowPage> {
      const base = states(w, cadences);
      const query = paged(
        `SELECT s.*, last_touch_at AS at, since_ms AS duration_ms, CASE WHEN dormant THEN 'dormant' ELSE 'active' END AS state,
                count(*) OVER () AS total
           FROM (${base.text}) s
          WHERE dormant = :dormant AND (:class::text IS NULL OR customer_class = :class) AND (:owner::uuid IS NULL OR owner_user_id = :owner)
          ORDER BY since_ms DESC, customer_id`,
        { ...base.named, dormant, class: filter.customerClass ?? null, owner: filter.ownerUserId ?? null },
        paging,
      );
      return toRowPage(await q.query(query.sql, query.params));
    },
  };
}

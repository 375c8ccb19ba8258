import type { Queryable } from '../../database';
import { toNumber } from '../row-mapping';
import { byOwner, CUSTOMER_COLUMNS, OWNER_JOIN, inPeriod, namedQuery, ownerParams, paged, toRowPage, windowParams, type OwnerFilter, type Paging, type ReportWindow, type RowPage } from './report-sql';

/**
 * New customers (created in the period) per owner and local month, the people they are counted
 * against, and revenue concentration: per currency, the share of the cumulative amount (value
 * card, as it stands now: the card keeps no history) held by the top 20% of customers with an
 * amount above 0, i.e. the ceil(20% × n) largest.
 */
const SALES_ROLES = `('sales_rep', 'account_manager', 'manager')`;
const AMOUNT = `(c.value_card ->> 'cumulativeAmount')::numeric`;
/** Customers with an amount, ranked within their currency; `columns` are carried along (only what is read). */
const RANKED = (inScope: string, columns: string) => `
  SELECT ${columns}, a.amount, a.currency,
         row_number() OVER (PARTITION BY a.currency ORDER BY a.amount DESC, c.id) AS rank,
         count(*) OVER (PARTITION BY a.currency) AS n
    FROM customers c CROSS JOIN LATERAL (SELECT ${AMOUNT} AS amount, c.value_card ->> 'currency' AS currency) a
   WHERE ${inScope} AND a.amount > 0`;

export type NewCustomerCell = { ownerUserId: string | null; month: number; customers: number };
export type Person = { userId: string; name: string };
export type RevenueRow = { currency: string; customers: number; topCount: number; topAmount: number; totalAmount: number };

export function growthFiguresRepository(q: Queryable) {
  return {
    /** New customers per owner and month; `monthStarts` are the local months' first instants (index 1 = the first). */
    async newCustomers(w: ReportWindow, monthStarts: Date[]): Promise<NewCustomerCell[]> {
      const { named, inScope } = windowParams(w);
      const rows = await namedQuery<Record<string, unknown>>(
        q,
        `SELECT c.owner_user_id, width_bucket(c.created_at, :months::timestamptz[]) AS month, count(*) AS customers
           FROM customers c WHERE ${inScope} AND ${inPeriod('c.created_at')} GROUP BY 1, 2`,
        { ...named, months: monthStarts.map((d) => d.toISOString()) },
      );
      return rows.map((r) => ({ ownerUserId: (r.owner_user_id as string | null) ?? null, month: toNumber(r.month), customers: toNumber(r.customers) }));
    },
    /** Active people of the scope who win customers (reps, account managers, managers); one person for 'me'. */
    async people(w: ReportWindow, ids: string[]): Promise<Person[]> {
      const scope = w.scope;
      const who =
        scope.kind === 'owner' ? 'u.id = :scope' : scope.kind === 'department' ? `u.department_id = :scope AND u.role IN ${SALES_ROLES}` : `u.role IN ${SALES_ROLES}`;
      const rows = await namedQuery<{ id: string; display_name: string }>(
        q,
        `SELECT u.id, u.display_name FROM users u
          WHERE u.org_id = :org AND ((u.deactivated_at IS NULL AND ${who}) OR u.id = ANY(:ids::uuid[]))
          ORDER BY u.display_name, u.id`,
        { org: w.orgId, ids, ...(scope.kind === 'organisation' ? {} : { scope: scope.kind === 'owner' ? scope.userId : scope.departmentId }) },
      );
      return rows.map((r) => ({ userId: r.id, name: r.display_name }));
    },
    async revenue(w: ReportWindow): Promise<RevenueRow[]> {
      const { named, inScope } = windowParams(w);
      // The top k's sum needs only the amounts in order, not a rank per customer: sorting the bare
      // numbers of each currency (array_agg ORDER BY) is far cheaper than windows over every row.
      const rows = await namedQuery<Record<string, unknown>>(
        q,
        `SELECT currency, n AS customers, ceil(n * 0.2) AS top_count, total AS total_amount,
                (SELECT coalesce(sum(x), 0) FROM unnest(amounts[1:ceil(n * 0.2)::int]) x) AS top_amount
           FROM (SELECT a.currency, count(*) AS n, sum(a.amount) AS total, array_agg(a.amount ORDER BY a.amount DESC) AS amounts
                   FROM customers c CROSS JOIN LATERAL (SELECT ${AMOUNT} AS amount, c.value_card ->> 'currency' AS currency) a
                  WHERE ${inScope} AND a.amount > 0 GROUP BY a.currency) g
          ORDER BY currency`,
        named,
      );
      return rows.map((r) => ({
        currency: String(r.currency),
        customers: toNumber(r.customers),
        topCount: toNumber(r.top_count),
        topAmount: toNumber(r.top_amount),
        totalAmount: toNumber(r.total_amount),
      }));
    },
    async newCustomerRows(w: ReportWindow, filter: OwnerFilter & { monthFrom?: Date; monthTo?: Date }, paging: Paging): Promise<RowPage> {
      const { named, inScope } = windowParams(w);
      const query = paged(
        `SELECT ${CUSTOMER_COLUMNS}, c.created_at AS at, c.lead_source AS kind, count(*) OVER () AS total
           FROM customers c ${OWNER_JOIN}
          WHERE ${inScope} AND ${inPeriod('c.created_at')} AND ${byOwner('c.owner_user_id')}
            AND (:monthFrom::timestamptz IS NULL OR (c.created_at >= :monthFrom::timestamptz AND c.created_at < :monthTo::timestamptz))
          ORDER BY c.created_at, c.id`,
        { ...named, ...ownerParams(filter), monthFrom: filter.monthFrom?.toISOString() ?? null, monthTo: filter.monthTo?.toISOString() ?? null },
        paging,
      );
      return toRowPage(await q.query(query.sql, query.params));
    },
    /** The top 20% of each currency (one currency when given), largest first. */
    async topRevenueRows(w: ReportWindow, filter: OwnerFilter & { currency?: string }, paging: Paging): Promise<RowPage> {
      const { named, inScope } = windowParams(w);
      const query = paged(
        `SELECT ${CUSTOMER_COLUMNS}, c.amount, c.currency, count(*) OVER () AS total
           FROM (${RANKED(inScope, 'c.id, c.name, c.code, c.customer_class, c.owner_user_id')}) c ${OWNER_JOIN}
          WHERE c.rank <= ceil(c.n * 0.2) AND (:currency::text IS NULL OR c.currency = :currency) AND ${byOwner('c.owner_user_id')}
          ORDER BY c.currency, c.amount DESC, c.id`,
        { ...named, currency: filter.currency ?? null, ...ownerParams(filter) },
        paging,
      );
      return toRowPage(await q.query(query.sql, query.params));
    },
  };
}

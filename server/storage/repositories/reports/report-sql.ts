import type { DrillRow } from '../../../../shared/schemas/report-rows';
import type { ReportCustomers } from '../../../../shared/domain/report-scope';
import type { Queryable } from '../../database';
import { toIsoOrNull, toNumber } from '../row-mapping';

/**
 * What every report query shares: the organisation, the period (half-open [from, to); asOf =
 * min(to, now)) and the scope, a condition on the customer (alias `c`, live rows only) saying
 * whose customers the figures cover. Queries name parameters (`:from`); `bind` numbers only the
 * ones a query uses, so no statement carries a parameter it does not read (PostgreSQL refuses those).
 */
export type CustomerScope = ReportCustomers;
export type ReportWindow = { orgId: string; scope: CustomerScope; from: Date; to: Date; asOf: Date };
export type Named = Record<string, unknown>;

export function windowParams(w: ReportWindow): { named: Named; inScope: string } {
  const named: Named = { org: w.orgId, from: w.from.toISOString(), to: w.to.toISOString(), asOf: w.asOf.toISOString() };
  const live = 'c.org_id = :org AND c.deleted_at IS NULL';
  switch (w.scope.kind) {
    case 'owner':
      return { named: { ...named, scope: w.scope.userId }, inScope: `${live} AND c.owner_user_id = :scope` };
    case 'department':
      return { named: { ...named, scope: w.scope.departmentId }, inScope: `${live} AND c.department_id = :scope` };
    case 'organisation':
      return { named, inScope: live };
  }
}

/**
 * The join and condition that keep counted items (alias `item`: a row with customer_id, already
 * tested for org_id = :org) to the customers in scope. A whole organisation needs only the item's
 * customer to be live: an anti-join with the deleted customers (customers_deleted_idx, usually
 * few) instead of hashing every customer, a scan of all the wide customer rows per figure.
 * Narrower scopes join the customer to test its owner or department.
 */
export function countedItems(w: ReportWindow, item: string): { join: string; where: string } {
  if (w.scope.kind === 'organisation') return { join: '', where: `NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = ${item}.customer_id AND c.deleted_at IS NOT NULL)` };
  return { join: `JOIN customers c ON c.id = ${item}.customer_id`, where: windowParams(w).inScope };
}

/** `:name` → `$n` in order of first use (a `::type` cast is not a name; so write no `:word` inside a quoted literal). */
export function bind(text: string, named: Named): { sql: string; params: unknown[] } {
  const order: string[] = [];
  const sql = text.replace(/(?<![:\w]):([a-zA-Z]\w*)/g, (_, name: string) => {
    if (!(name in named)) throw new Error(`report query names :${name} but no value was given`);
    const at = order.indexOf(name);
    return `$${at >= 0 ? at + 1 : order.push(name)}`;
  });
  return { sql, params: order.map((name) => named[name]) };
}

/**
 * A drill-down's owner filter on `column` (the customer's owner, or the record's: docs/reports.md):
 * left out = anyone's, an id = that person's, null = no owner (the "unassigned" rep row).
 */
export type OwnerFilter = { ownerUserId?: string | null | undefined };
// Written so that a plan made for the actual values reduces it to `column = $id` or `column IS NULL`,
// both of which an index on the owner serves (IS NOT DISTINCT FROM would not).
export const byOwner = (column: string) => `(NOT :byOwner::boolean OR ${column} = :owner::uuid OR (:owner::uuid IS NULL AND ${column} IS NULL))`;
export const ownerParams = (filter: OwnerFilter): Named => ({ byOwner: filter.ownerUserId !== undefined, owner: filter.ownerUserId ?? null });

/** `[from, to)` on a column. */
export const inPeriod = (column: string) => `(${column} >= :from::timestamptz AND ${column} < :to::timestamptz)`;

/** Milliseconds between two timestamptz expressions, as the shared rules count them (ms, not µs). */
export const msBetween = (later: string, earlier: string) =>
  `(extract(epoch FROM (date_trunc('milliseconds', ${later}) - date_trunc('milliseconds', ${earlier}))) * 1000)`;

/** The customer columns of every drill-down row (never a sensitive one). */
export const CUSTOMER_COLUMNS = `c.id AS customer_id, c.name AS customer_name, c.code AS customer_code,
  c.customer_class, c.owner_user_id, owner.display_name AS owner_name`;
export const OWNER_JOIN = 'LEFT JOIN users owner ON owner.id = c.owner_user_id';

/** A page of rows and how many there are in all (count(*) OVER () AS total on each row). */
export type RowPage = { rows: DrillRow[]; total: number };
export type Paging = { limit: number; offset: number };

type RawRow = Record<string, unknown>;

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
const num = (v: unknown) => (v === null || v === undefined ? null : toNumber(v));

/** Rows as the contract has them; columns a figure does not have stay null. */
export function toRowPage(raw: RawRow[]): RowPage {
  const rows = raw.map(
    (r): DrillRow => ({
      customerId: String(r.customer_id),
      customerName: String(r.customer_name),
      customerCode: text(r.customer_code),
      customerClass: (text(r.customer_class) as DrillRow['customerClass']) ?? null,
      ownerUserId: text(r.owner_user_id),
      ownerName: text(r.owner_name),
      itemId: text(r.item_id),
      at: toIsoOrNull(r.at),
      dueAt: toIsoOrNull(r.due_at),
      state: text(r.state),
      kind: text(r.kind),
      summary: text(r.summary),
      rating: num(r.rating),
      feedbackTag: (text(r.feedback_tag) as DrillRow['feedbackTag']) ?? null,
      amount: num(r.amount),
      currency: text(r.currency),
      durationMs: num(r.duration_ms),
      change: r.change_dimension ? { dimension: r.change_dimension as 'class', from: String(r.change_from), to: String(r.change_to) } : null,
    }),
  );
  return { rows, total: raw.length > 0 ? toNumber(raw[0]!.total) : 0 };
}

/** The query with its page clause, bound. */
export function paged(text: string, named: Named, paging: Paging): { sql: string; params: unknown[] } {
  return bind(`${text} LIMIT :limit OFFSET :offset`, { ...named, limit: paging.limit, offset: paging.offset });
}

/** Runs a query written with named parameters. */
export function namedQuery<T>(q: Queryable, text: string, named: Named): Promise<T[]> {
  const { sql, params } = bind(text, named);
  return q.query<T>(sql, params);
}

/**
 * Issue 9 (the managers' dashboard): the indexes its queries need on a large organisation,
 * each found with EXPLAIN on 50,000 customers and 1,000,000 timeline items (docs/performance.md).
 * PostgreSQL 15 syntax only.
 *
 * - Movement of class, tier and stage reads the customers' changes since the period's start from
 *   the audit trail, which also holds an event per timeline item, follow-up, mail... Without this
 *   index every dashboard open scanned the organisation's whole trail (170 ms → 0.5 ms).
 * - Cadence compliance counts customers by their touches (shared/domain/cadence.ts TOUCH_KINDS) of
 *   the last max(touchDays) days: one range scan of the organisation's recent touches instead of
 *   a newest-touch lookup per customer (50,000 lookups: about 1.9 s at p95 on the loaded machine).
 *   It carries the customer so the scan need not visit the heap (index-only once vacuumed).
 * - The overdue list still looks up each listed customer's newest touch: on the general
 *   (customer_id, occurred_at) index each lookup went through notes and other non-touch items in
 *   the heap; the partial index answers each from the index alone.
 */
export const migration0011 = {
  version: 11,
  name: 'report-indexes',
  sql: `
CREATE INDEX audit_events_customer_updates_idx ON audit_events (org_id, at)
  WHERE entity = 'customers' AND op = 'update';
CREATE INDEX timeline_items_recent_touches_idx ON timeline_items (org_id, occurred_at) INCLUDE (customer_id)
  WHERE deleted_at IS NULL AND kind IN ('email', 'call', 'meeting', 'visit');
CREATE INDEX timeline_items_touches_idx ON timeline_items (customer_id, occurred_at DESC)
  WHERE deleted_at IS NULL AND kind IN ('email', 'call', 'meeting', 'visit');
CREATE INDEX customers_deleted_idx ON customers (id) WHERE deleted_at IS NOT NULL;
CREATE INDEX follow_ups_rated_idx ON follow_ups (org_id, completed_at) WHERE satisfaction IS NOT NULL AND deleted_at IS NULL
`,
};

/**
 * Issue 8 (timeline paging): `timeline.page` reads a customer's items newest first with the id
 * as tie-break, from a (time, id) keyset. 0002's (customer_id, occurred_at DESC) index cannot
 * give that order, so PostgreSQL read every item of the customer and sorted them for each page:
 * at 10,000 items in an organisation of 1,000,000 that was a bitmap scan of ~10,000 heap rows per
 * first page (docs/performance.md has both plans). With the id in the index a page is an index
 * scan that stops after `limit` rows. The old index is a prefix of the new one (every query it
 * served is served as well), so it goes: one index to keep up on every insert, not two.
 */
export const migration0012 = {
  version: 12,
  name: 'timeline-page-index',
  sql: `
CREATE INDEX timeline_items_customer_page_idx ON timeline_items (customer_id, occurred_at DESC, id DESC);
DROP INDEX timeline_customer_time_idx
`,
};

import type { TimelineKind } from '../../../shared/schemas/timeline';
import type { Queryable } from '../database';
import { timelineItemColumns, toTimelineItemRow, type TimelineItemRaw, type TimelineItemRow } from './timeline-items';

/** Where a page ends: the last row's time to the microsecond (as PostgreSQL holds it) and id. */
export type TimelinePosition = { at: string; id: string };

/**
 * What the SQL leaves out before the rows reach the access rule (server/domain/timeline-page.ts).
 * It only narrows by facts the rule itself decides on, so pages come back full; the rule still
 * judges every row that is returned.
 */
export type TimelinePageScope = {
  viewerId: string;
  /** The kinds asked for (null = all). */
  kinds: readonly TimelineKind[] | null;
  /** Kinds the viewer sees of other people's items (null = all); their own items always pass. */
  othersKinds: readonly TimelineKind[] | null;
};

export type TimelinePageRow = { row: TimelineItemRow; position: TimelinePosition };

/**
 * Keyset paging newest first, ties on the time broken by id descending (the shared order,
 * shared/domain/timeline-order.ts; uuid order in PostgreSQL is the order of their hex text).
 * 0002's (customer_id, occurred_at DESC) index serves it: PostgreSQL reads it in time order and
 * sorts only the rows that share a time (Incremental Sort), so a page reads about `limit` rows
 * at any depth (docs/performance.md has the plans at 1,000,000 rows).
 */
export function timelinePageRepository(q: Queryable) {
  return {
    async page(orgId: string, customerId: string, after: TimelinePosition | null, scope: TimelinePageScope, limit: number): Promise<TimelinePageRow[]> {
      const params: unknown[] = [orgId, customerId, scope.viewerId, limit];
      const param = (value: unknown) => `$${params.push(value)}`;
      const where = [
        'org_id = $1',
        'customer_id = $2',
        'deleted_at IS NULL',
        // Someone else's private note, and mail of someone else's mailbox shared at "private".
        '(NOT private OR author_user_id = $3)',
        '(dedupe_key IS NULL OR sharing > 0 OR $3 = ANY(mailbox_user_ids))',
      ];
      if (after) where.push(`(occurred_at, id) < (${param(after.at)}::timestamptz, ${param(after.id)}::uuid)`);
      if (scope.kinds) where.push(`kind = ANY(${param(scope.kinds)}::text[])`);
      if (scope.othersKinds) where.push(`(kind = ANY(${param(scope.othersKinds)}::text[]) OR author_user_id = $3)`);
      const rows = await q.query<TimelineItemRaw & { position_at: string }>(
        `SELECT ${timelineItemColumns},
                to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS position_at
           FROM timeline_items
          WHERE ${where.join(' AND ')}
          ORDER BY occurred_at DESC, id DESC
          LIMIT $4`,
        params,
      );
      return rows.map((r) => ({ row: toTimelineItemRow(r), position: { at: r.position_at, id: r.id } }));
    },
  };
}

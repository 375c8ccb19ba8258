import type { FollowUp } from '../../../shared/schemas/follow-up';
import type { Queryable } from '../database';
import { recordTable, type StoredRecord } from './record-table';

export type FollowUpRow = StoredRecord<FollowUp>;

const table = recordTable<FollowUp>('follow_ups', {
  customerId: { column: 'customer_id', kind: 'value' },
  contactId: { column: 'contact_id', kind: 'value' },
  ownerUserId: { column: 'owner_user_id', kind: 'value' },
  dueAt: { column: 'due_at', kind: 'instant' },
  reason: { column: 'reason', kind: 'value' },
  purpose: { column: 'purpose', kind: 'value' },
  source: { column: 'source', kind: 'value' },
  status: { column: 'status', kind: 'value' },
  replyWatch: { column: 'reply_watch', kind: 'jsonb' },
  sourceId: { column: 'source_id', kind: 'value' },
  occasion: { column: 'occasion', kind: 'jsonb' },
  completedAt: { column: 'completed_at', kind: 'instant?' },
  completedByUserId: { column: 'completed_by_user_id', kind: 'value' },
  outcome: { column: 'outcome', kind: 'value' },
  closedBy: { column: 'closed_by', kind: 'value' },
  satisfaction: { column: 'satisfaction', kind: 'int?' },
  createdByUserId: { column: 'created_by_user_id', kind: 'value' },
});

export function followUpsRepository(q: Queryable) {
  const base = table(q);
  return {
    ...base,
    /**
     * A follow-up a rule makes (cadence, complaint, visit, care): created once per dedupe key, so
     * a job that runs twice or in two processes at once makes it once. False: it already existed.
     */
    insertRuleMade(orgId: string, row: Omit<FollowUp, 'createdAt' | 'updatedAt' | 'version'>, dedupeKey: string) {
      return base.insert(orgId, row, { extra: { dedupe_key: dedupeKey }, ifAbsent: true });
    },
    /** Open follow-ups watching a conversation for the customer's reply. */
    listOpenWatching(orgId: string, threadRef: string): Promise<FollowUpRow[]> {
      return base.listWhere(
        orgId,
        `status = 'open' AND deleted_at IS NULL AND reply_watch IS NOT NULL AND reply_watch ->> 'threadRef' = $2`,
        [threadRef],
      );
    },
    // Issue 4B (service and visits).
    /**
     * The live follow-ups made from one record of a customer (a complaint's promise and return
     * visits, a visit's thank-you); by customer first, which follow_ups_customer_idx serves.
     */
    listBySource(orgId: string, customerId: string, sourceId: string): Promise<FollowUpRow[]> {
      return base.listWhere(orgId, 'customer_id = $2 AND source_id = $3 AND deleted_at IS NULL', [customerId, sourceId], 'ORDER BY due_at, id');
    },
  };
}

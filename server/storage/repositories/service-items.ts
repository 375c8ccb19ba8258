import type { ServiceItem } from '../../../shared/schemas/service-item';
import type { Queryable } from '../database';
import { recordTable, type StoredRecord } from './record-table';

export type ServiceItemRow = StoredRecord<ServiceItem>;

const table = recordTable<ServiceItem>('service_items', {
  customerId: { column: 'customer_id', kind: 'value' },
  contactId: { column: 'contact_id', kind: 'value' },
  type: { column: 'type', kind: 'value' },
  urgent: { column: 'urgent', kind: 'value' },
  channel: { column: 'channel', kind: 'value' },
  ownerUserId: { column: 'owner_user_id', kind: 'value' },
  summary: { column: 'summary', kind: 'value' },
  receivedAt: { column: 'received_at', kind: 'instant' },
  firstReplyDueAt: { column: 'first_reply_due_at', kind: 'instant' },
  firstReplyAt: { column: 'first_reply_at', kind: 'instant?' },
  stage: { column: 'stage', kind: 'value' },
  promisedReplyAt: { column: 'promised_reply_at', kind: 'instant?' },
  options: { column: 'options', kind: 'jsonb' },
  chosenOptionId: { column: 'chosen_option_id', kind: 'value' },
  reply: { column: 'reply', kind: 'value' },
  result: { column: 'result', kind: 'value' },
  resolvedAt: { column: 'resolved_at', kind: 'instant?' },
  satisfaction: { column: 'satisfaction', kind: 'int?' },
  feedbackTag: { column: 'feedback_tag', kind: 'value' },
  threadRef: { column: 'thread_ref', kind: 'value' },
  afterMessageId: { column: 'after_message_id', kind: 'value' },
  sourceId: { column: 'source_id', kind: 'value' },
  closedAt: { column: 'closed_at', kind: 'instant?' },
  createdByUserId: { column: 'created_by_user_id', kind: 'value' },
});

export function serviceItemsRepository(q: Queryable) {
  const base = table(q);
  return {
    ...base,
    /** The live items logged from a conversation (service_items_thread_ref_idx, migration 0009). */
    listInThread(orgId: string, threadRef: string): Promise<ServiceItemRow[]> {
      return base.listWhere(orgId, 'thread_ref = $2 AND deleted_at IS NULL', [threadRef], 'ORDER BY received_at, id');
    },
  };
}

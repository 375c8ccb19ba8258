import type { Visit } from '../../../shared/schemas/visit';
import type { Queryable } from '../database';
import { recordTable, type StoredRecord } from './record-table';

export type VisitRow = StoredRecord<Visit>;

const table = recordTable<Visit>('visits', {
  customerId: { column: 'customer_id', kind: 'value' },
  ownerUserId: { column: 'owner_user_id', kind: 'value' },
  meetingItemId: { column: 'meeting_item_id', kind: 'value' },
  plannedAt: { column: 'planned_at', kind: 'instant' },
  contactIds: { column: 'contact_ids', kind: 'uuid[]' },
  userIds: { column: 'user_ids', kind: 'uuid[]' },
  purpose: { column: 'purpose', kind: 'value' },
  expectedResult: { column: 'expected_result', kind: 'value' },
  status: { column: 'status', kind: 'value' },
  firstMeeting: { column: 'first_meeting', kind: 'value' },
  report: { column: 'report', kind: 'jsonb' },
  review: { column: 'review', kind: 'jsonb' },
  createdByUserId: { column: 'created_by_user_id', kind: 'value' },
});

export function visitsRepository(q: Queryable) {
  return table(q);
}

import { v7 as uuidv7 } from 'uuid';
import { NOT_ENDED, type FollowUp } from '../../shared/schemas/follow-up';

/** An open follow-up row as the server stores and sends it (a cadence one unless `over` says otherwise). */
export function followUpRow(customerId: string, ownerUserId: string, over: Partial<FollowUp> = {}): FollowUp {
  return {
    ...NOT_ENDED,
    id: uuidv7(),
    customerId,
    contactId: null,
    ownerUserId,
    dueAt: '2026-12-01T01:00:00.000Z',
    reason: '',
    purpose: 'cadence_touch',
    source: 'cadence',
    replyWatch: null,
    sourceId: null,
    occasion: null,
    createdByUserId: null,
    createdAt: '2026-03-01T00:00:00.000Z',
    updatedAt: '2026-03-01T00:00:00.000Z',
    version: 1,
    ...over,
  };
}

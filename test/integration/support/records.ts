import type { FollowUp } from '../../../shared/schemas/follow-up';
import type { ServiceItem } from '../../../shared/schemas/service-item';
import type { TimelineItem } from '../../../shared/schemas/timeline';
import type { Visit } from '../../../shared/schemas/visit';
import { newId } from './ids';

/** Issue 4's records as jobs and handlers will write them (owned by `admin.userId`), for arranging tests. */
export type New<R> = Omit<R, 'createdAt' | 'updatedAt' | 'version'>;
const at = '2026-12-03T01:00:00.000Z';

export function followUp(admin: { userId: string }, customerId: string, extra: Partial<New<FollowUp>> = {}): New<FollowUp> {
  return {
    id: newId(),
    customerId,
    contactId: null,
    ownerUserId: admin.userId,
    dueAt: at,
    reason: '确认二季度报价',
    purpose: 'general',
    source: 'manual',
    status: 'open',
    replyWatch: null,
    sourceId: null,
    occasion: null,
    completedAt: null,
    completedByUserId: null,
    outcome: null,
    closedBy: null,
    satisfaction: null,
    createdByUserId: admin.userId,
    ...extra,
  };
}

export function serviceItem(admin: { userId: string }, customerId: string): New<ServiceItem> {
  return {
    id: newId(),
    customerId,
    contactId: null,
    type: 'complaint',
    urgent: true,
    channel: 'email',
    ownerUserId: admin.userId,
    summary: '交货延迟两周',
    receivedAt: at,
    firstReplyDueAt: '2026-12-03T03:00:00.000Z',
    firstReplyAt: null,
    stage: 'received',
    promisedReplyAt: null,
    options: [{ id: 'a', text: '加急发货' }],
    chosenOptionId: null,
    reply: null,
    result: null,
    resolvedAt: null,
    satisfaction: null,
    feedbackTag: 'complaint',
    threadRef: 'gmail:18f3a2b4c5d6e7f1',
    afterMessageId: '18f3a2b4c5d6e7f1',
    sourceId: null,
    closedAt: null,
    createdByUserId: admin.userId,
  };
}

export function visit(admin: { userId: string }, customerId: string): New<Visit> {
  return {
    id: newId(),
    customerId,
    ownerUserId: admin.userId,
    meetingItemId: null,
    plannedAt: at,
    contactIds: [],
    userIds: [admin.userId],
    purpose: '拜访总经理',
    expectedResult: '确认年度框架协议',
    status: 'planned',
    firstMeeting: null,
    report: null,
    review: null,
    createdByUserId: admin.userId,
  };
}

/** A timeline item of any kind, as ingestion or a handler writes it. */
export function timelineItem(authorUserId: string, customerId: string, extra: Partial<Omit<TimelineItem, 'createdAt'>> = {}): Omit<TimelineItem, 'createdAt'> {
  return {
    id: newId(),
    customerId,
    kind: 'call',
    occurredAt: at,
    authorUserId,
    contactIds: [],
    summary: '电话沟通交期',
    sourceRef: null,
    private: false,
    ...extra,
  };
}

import { describe, expect, it } from 'vitest';
import { suggestFirstMeeting, visitReportEffects, visitStepProblem, visitTimelineItemId } from '../../../shared/domain/visit-rules';
import { EMPTY_CUSTOMER_FIELDS } from '../../../shared/schemas/customer';
import { DEFAULT_ORG_SETTINGS } from '../../../shared/schemas/org-settings';
import { visitReportInputSchema, type Visit } from '../../../shared/schemas/visit';

const USER = '01936b2e-7c4a-7d1e-9b5f-2a3c4d5e6f71';
const visit: Visit = {
  id: '01936b2e-7c4a-7d1e-9b5f-2a3c4d5e6f10',
  customerId: '01936b2e-7c4a-7d1e-9b5f-2a3c4d5e6f11',
  ownerUserId: USER,
  meetingItemId: null,
  plannedAt: '2026-12-03T06:00:00.000Z',
  contactIds: ['01936b2e-7c4a-7d1e-9b5f-2a3c4d5e6f12'],
  userIds: [USER],
  purpose: '拜访总经理',
  expectedResult: '确认年度框架协议',
  status: 'planned',
  firstMeeting: null,
  report: null,
  review: null,
  createdByUserId: USER,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  version: 1,
};
const report = (over: object = {}) =>
  visitReportInputSchema.parse({
    id: visit.id,
    // 16:30 in Shanghai on Thursday, Dec 3.
    heldAt: '2026-12-03T08:30:00.000Z',
    outcome: '同意试用新规格',
    needs: '交期缩短到两周',
    feedback: '对上次交货很满意',
    feedbackTag: 'praise',
    satisfaction: 5,
    firstMeeting: true,
    reportedAt: '2026-12-03T10:00:00.000Z',
    ...over,
  });
const ctx = { userId: USER, settings: DEFAULT_ORG_SETTINGS, needs: EMPTY_CUSTOMER_FIELDS.needs };

describe('visit rules: plan → report → thank-you and proposal; manager review', () => {
  it('visit thank-you rule: next day at the reminder hour in the org zone; proposal rule: 3 days after a first meeting', async () => {
    const effects = await visitReportEffects(visit, report(), ctx);
    expect(effects.followUps.map((f) => [f.row.purpose, f.row.dueAt, f.row.source, f.row.sourceId, f.row.contactId])).toEqual([
      ['visit_thank_you', '2026-12-04T01:00:00.000Z', 'visit', visit.id, visit.contactIds[0]],
      ['visit_proposal', '2026-12-06T01:00:00.000Z', 'visit', visit.id, visit.contactIds[0]],
    ]);
    const later = await visitReportEffects(visit, report({ firstMeeting: false }), ctx);
    expect(later.followUps.map((f) => f.row.purpose)).toEqual(['visit_thank_you']);
    // Same inputs, same ids: the optimistic rows and the server's coincide.
    expect(later.followUps[0]!.row.id).toBe(effects.followUps[0]!.row.id);
  });

  it('visit thank-you rule: a visit late in the evening in New York still thanks on the next New York day', async () => {
    const ny = { ...DEFAULT_ORG_SETTINGS, timeZone: 'America/New_York' };
    // 22:00 on Dec 3 in New York is Dec 4 03:00 UTC; the thank-you is due Dec 4 09:00 EST.
    const effects = await visitReportEffects(visit, report({ heldAt: '2026-12-04T03:00:00.000Z', reportedAt: '2026-12-04T03:30:00.000Z' }), { ...ctx, settings: ny });
    expect(effects.followUps[0]!.row.dueAt).toBe('2026-12-04T14:00:00.000Z');
  });

  it('visit report rule: a held visit on the timeline, the report stored, the customer’s last need and feedback updated', async () => {
    const effects = await visitReportEffects(visit, report(), ctx);
    expect(effects.visit).toMatchObject({ status: 'held', firstMeeting: true, report: { outcome: '同意试用新规格', feedbackTag: 'praise', satisfaction: 5, reportedByUserId: USER } });
    expect(effects.timelineItem).toMatchObject({
      id: await visitTimelineItemId(visit.id),
      kind: 'visit',
      occurredAt: '2026-12-03T08:30:00.000Z',
      contactIds: visit.contactIds,
      summary: '拜访总经理\n同意试用新规格',
      sourceRef: `visit:${visit.id}`,
    });
    expect(effects.needs).toEqual({
      lastNeed: '交期缩短到两周',
      lastNeedAt: '2026-12-03T08:30:00.000Z',
      lastFeedback: '对上次交货很满意',
      lastFeedbackAt: '2026-12-03T08:30:00.000Z',
    });
    // A report of an older visit does not replace a newer need.
    const newer = { ...ctx, needs: { ...ctx.needs, lastNeedAt: '2026-12-10T00:00:00.000Z', lastNeed: 'newer' } };
    expect((await visitReportEffects(visit, report(), newer)).needs).toEqual({ lastFeedback: '对上次交货很满意', lastFeedbackAt: '2026-12-03T08:30:00.000Z' });
  });

  it('first meeting rule: no earlier meeting or visit on the timeline (the visit’s own meeting does not count)', () => {
    const meeting = { id: 'm', kind: 'meeting' as const, occurredAt: '2026-12-03T06:00:00.000Z' };
    expect(suggestFirstMeeting('2026-12-03T08:30:00Z', [{ id: 'e', kind: 'email', occurredAt: '2026-11-01T00:00:00Z' }], [])).toBe(true);
    expect(suggestFirstMeeting('2026-12-03T08:30:00Z', [meeting], [])).toBe(false);
    expect(suggestFirstMeeting('2026-12-03T08:30:00Z', [meeting], ['m'])).toBe(true);
    expect(suggestFirstMeeting('2026-12-03T08:30:00Z', [{ ...meeting, occurredAt: '2026-12-05T00:00:00Z' }], [])).toBe(true);
  });

  it('visit state rule: plans change, cancel and report only while planned; reviews need a report and a manager', () => {
    expect(visitStepProblem(visit, 'update')).toBeNull();
    expect(visitStepProblem({ status: 'held' }, 'update')?.code).toBe('already_reported');
    expect(visitStepProblem({ status: 'held' }, 'report')?.code).toBe('already_reported');
    expect(visitStepProblem({ status: 'cancelled' }, 'report')?.code).toBe('cancelled');
    expect(visitStepProblem(visit, 'report', { heldAt: '2026-12-05T00:00:00Z', reportedAt: '2026-12-03T00:00:00Z' })?.code).toBe('held_in_future');
    expect(visitStepProblem(visit, 'review', { role: 'manager' })?.code).toBe('not_reported');
    expect(visitStepProblem({ status: 'held' }, 'review', { role: 'manager' })).toBeNull();
    expect(visitStepProblem({ status: 'held' }, 'review', { role: 'admin' })).toBeNull();
    expect(visitStepProblem({ status: 'held' }, 'review', { role: 'sales_rep' })).toEqual({
      code: 'review_forbidden',
      field: null,
      message: 'Only a manager or an administrator can review visit reports.',
    });
  });
});

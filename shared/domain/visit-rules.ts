import type { CustomerNeeds } from '../schemas/customer';
import type { Role } from '../schemas/member';
import type { OrgSettingsFields } from '../schemas/org-settings';
import type { TimelineItem } from '../schemas/timeline';
import type { Visit, VisitReport, VisitReportInput } from '../schemas/visit';
import { reminderDaysAfter, ruleFollowUp, ruleRecordId, type RuleFollowUp } from './rule-follow-up';

/**
 * Visits (DOMAIN.md "Visits and meetings", seeds FUP-04/07/08): a plan before, a report after,
 * then a thank-you the next day and, after a first meeting, a proposal due in 3 days; managers
 * review reports. The sidebar and the server run the same checks and compute the same rows.
 */
export type VisitStep = 'update' | 'cancel' | 'report' | 'review';

export type VisitProblemCode = 'already_reported' | 'cancelled' | 'not_reported' | 'review_forbidden' | 'held_in_future';
export type VisitProblem = { code: VisitProblemCode; field: string | null; message: string };

/** Roles that review visit reports (DOMAIN.md: managers; admins may do anything a manager may). */
const REVIEWER_ROLES: ReadonlySet<Role> = new Set(['manager', 'admin']);

export function canReview(role: Role): boolean {
  return REVIEWER_ROLES.has(role);
}

/** The people of a plan or a plan's edit, each once (the same contact ticked twice is one person). */
export function withUniquePeople<P extends { contactIds?: string[]; userIds?: string[] }>(plan: P): P {
  return {
    ...plan,
    ...(plan.contactIds ? { contactIds: [...new Set(plan.contactIds)] } : {}),
    ...(plan.userIds ? { userIds: [...new Set(plan.userIds)] } : {}),
  };
}

/** A report's time may run a little ahead of the server's clock; a visit days ahead was not held. */
const CLOCK_SKEW_MS = 10 * 60_000;

/** Why the visit cannot take the step now, or null. */
export function visitStepProblem(
  visit: Pick<Visit, 'status'>,
  step: VisitStep,
  extra: { role?: Role; heldAt?: string; reportedAt?: string } = {},
): VisitProblem | null {
  if (step === 'review') {
    if (extra.role !== undefined && !canReview(extra.role)) {
      return { code: 'review_forbidden', field: null, message: 'Only a manager or an administrator can review visit reports.' };
    }
    return visit.status === 'held' ? null : { code: 'not_reported', field: null, message: 'The visit has no report to review yet.' };
  }
  if (visit.status === 'held') {
    return { code: 'already_reported', field: null, message: 'The visit was already reported; its plan and report stay as they are.' };
  }
  if (visit.status === 'cancelled') return { code: 'cancelled', field: null, message: 'The visit was cancelled.' };
  if (step === 'report' && extra.heldAt && extra.reportedAt && Date.parse(extra.heldAt) > Date.parse(extra.reportedAt) + CLOCK_SKEW_MS) {
    return { code: 'held_in_future', field: 'heldAt', message: 'A visit can be reported only after it was held.' };
  }
  return null;
}

/**
 * A first meeting: nothing on the customer's timeline says we met before (no earlier meeting or
 * visit). The report form suggests it and the reporter confirms, since history from before the
 * CRM may be missing.
 */
export function suggestFirstMeeting(
  heldAt: string,
  timeline: readonly Pick<TimelineItem, 'id' | 'kind' | 'occurredAt'>[],
  ownItemIds: readonly (string | null)[],
): boolean {
  const held = Date.parse(heldAt);
  return !timeline.some(
    (t) => (t.kind === 'meeting' || t.kind === 'visit') && !ownItemIds.includes(t.id) && Date.parse(t.occurredAt) < held,
  );
}

/** The timeline item a held visit appends (a touch and a visit for cadence and dormancy). */
export function visitTimelineItemId(visitId: string): Promise<string> {
  return ruleRecordId('visit_timeline', visitId);
}

export type VisitReportEffects = {
  visit: Pick<Visit, 'status' | 'firstMeeting' | 'report'>;
  timelineItem: Omit<TimelineItem, 'createdAt'>;
  followUps: RuleFollowUp[];
  /** The customer's last need / feedback, when this report is their newest word. */
  needs: Partial<CustomerNeeds>;
};

export async function visitReportEffects(
  visit: Visit,
  input: VisitReportInput,
  ctx: { userId: string; settings: OrgSettingsFields; needs: CustomerNeeds },
): Promise<VisitReportEffects> {
  const report: VisitReport = {
    heldAt: input.heldAt,
    outcome: input.outcome,
    needs: input.needs,
    feedback: input.feedback,
    feedbackTag: input.feedbackTag,
    nextSteps: input.nextSteps,
    satisfaction: input.satisfaction,
    reportedAt: input.reportedAt,
    reportedByUserId: ctx.userId,
  };
  const base = { source: 'visit' as const, sourceId: visit.id, customerId: visit.customerId, contactId: visit.contactIds[0] ?? null, ownerUserId: visit.ownerUserId };
  const followUps = [
    await ruleFollowUp({ ...base, purpose: 'visit_thank_you', dueAt: reminderDaysAfter(input.heldAt, ctx.settings.visits.thankYouDays, ctx.settings) }),
  ];
  if (input.firstMeeting) {
    followUps.push(await ruleFollowUp({ ...base, purpose: 'visit_proposal', dueAt: reminderDaysAfter(input.heldAt, ctx.settings.visits.proposalDays, ctx.settings) }));
  }
  const newer = (at: string | null) => at === null || Date.parse(input.heldAt) >= Date.parse(at);
  const needs: Partial<CustomerNeeds> = {
    ...(input.needs && newer(ctx.needs.lastNeedAt) ? { lastNeed: input.needs, lastNeedAt: input.heldAt } : {}),
    ...(input.feedback && newer(ctx.needs.lastFeedbackAt) ? { lastFeedback: input.feedback, lastFeedbackAt: input.heldAt } : {}),
  };
  return {
    visit: { status: 'held', firstMeeting: input.firstMeeting, report },
    timelineItem: {
      id: await visitTimelineItemId(visit.id),
      customerId: visit.customerId,
      kind: 'visit',
      occurredAt: input.heldAt,
      authorUserId: ctx.userId,
      contactIds: visit.contactIds,
      summary: `${visit.purpose}\n${input.outcome}`,
      sourceRef: `visit:${visit.id}`,
      private: false,
    },
    followUps,
    needs,
  };
}

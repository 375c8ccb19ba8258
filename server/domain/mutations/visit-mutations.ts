import { visitReportEffects, visitStepProblem, withUniquePeople, type VisitProblem, type VisitStep } from '../../../shared/domain/visit-rules';
import type { Repositories } from '../../storage/repositories/index';
import type { VisitRow } from '../../storage/repositories/visits';
import type { AuthedUser } from '../auth-service';
import { insertRuleFollowUp } from './follow-up-writes';
import type { Handlers } from './handler';
import type { CustomerRow } from '../../storage/repositories/customers';
import { checkOwner, customerFor, recordFor, Rejection } from './handler';
import { checkContactsOf, checkMembers, checkTimelineItem } from './record-refs';

type VisitKinds = 'visit.plan' | 'visit.update' | 'visit.cancel' | 'visit.report' | 'visit.review';

const refusal = (p: VisitProblem) =>
  new Rejection(p.code === 'review_forbidden' ? 'forbidden' : p.field === null ? 'conflict' : 'invalid', p.message);

/**
 * The visit (and its customer) when this user may take the step now, else why not. A visit of a
 * customer they cannot see does not exist for them (customer-scope.ts: visits need shared access).
 */
async function visitFor(
  repos: Repositories,
  user: AuthedUser,
  id: string,
  step: VisitStep,
  heldAt?: string,
): Promise<{ row: VisitRow; customer: CustomerRow } | Rejection> {
  const scope = await recordFor(repos, user, await repos.visits.get(user.orgId, id), 'visit', 'This visit does not exist.');
  if (scope instanceof Rejection) return scope;
  if (scope.row.deleted) return new Rejection('not_found', 'This visit does not exist.');
  const problem = visitStepProblem(scope.row, step, { heldAt, reportedAt: new Date().toISOString() });
  return problem ? refusal(problem) : scope;
}

async function checkPlanRefs(
  repos: Repositories,
  user: AuthedUser,
  customer: CustomerRow,
  plan: { ownerUserId?: string; userIds?: string[]; contactIds?: string[]; meetingItemId?: string | null },
) {
  return (
    (await checkOwner(repos, user, { customer, entity: 'visit' }, plan.ownerUserId)) ??
    (await checkMembers(repos, user, plan.userIds)) ??
    (await checkContactsOf(repos, user, customer.id, plan.contactIds)) ??
    (await checkTimelineItem(repos, user, customer.id, plan.meetingItemId, ['meeting'], 'meeting'))
  );
}

async function saved(repos: Repositories, user: AuthedUser, id: string) {
  await repos.changeLog.append(user.orgId, 'visit', id, 'upsert');
  return null;
}

export const visitMutations: Pick<Handlers, VisitKinds> = {
  async 'visit.plan'(repos, user, plan) {
    const scope = await customerFor(repos, user, plan.customerId, 'visit');
    if (scope instanceof Rejection) return scope;
    if (await repos.visits.exists(plan.id)) return new Rejection('conflict', 'A visit with this id already exists.');
    const problem = await checkPlanRefs(repos, user, scope.customer, plan);
    if (problem) return problem;
    await repos.visits.insert(user.orgId, {
      ...withUniquePeople(plan),
      status: 'planned',
      firstMeeting: null,
      report: null,
      review: null,
      createdByUserId: user.id,
    });
    return saved(repos, user, plan.id);
  },

  async 'visit.update'(repos, user, { id, patch }) {
    const scope = await visitFor(repos, user, id, 'update');
    if (scope instanceof Rejection) return scope;
    const problem = await checkPlanRefs(repos, user, scope.customer, patch);
    if (problem) return problem;
    await repos.visits.update(user.orgId, id, withUniquePeople(patch));
    return saved(repos, user, id);
  },

  async 'visit.cancel'(repos, user, { id }) {
    const scope = await visitFor(repos, user, id, 'cancel');
    if (scope instanceof Rejection) return scope;
    await repos.visits.update(user.orgId, id, { status: 'cancelled' });
    return saved(repos, user, id);
  },

  // The held visit: the report, a visit on the timeline (a touch and a visit for cadence and
  // dormancy), the customer's newest need and feedback, and the thank-you / proposal follow-ups.
  async 'visit.report'(repos, user, input) {
    const scope = await visitFor(repos, user, input.id, 'report', input.heldAt);
    if (scope instanceof Rejection) return scope;
    const { row: visit, customer } = scope;
    const settings = await repos.orgSettings.effective(user.orgId);
    const effects = await visitReportEffects(visit, input, { userId: user.id, settings, needs: customer.needs });
    await repos.visits.update(user.orgId, visit.id, effects.visit);
    await repos.timelineItems.insert(user.orgId, effects.timelineItem);
    await repos.changeLog.append(user.orgId, 'timelineItem', effects.timelineItem.id, 'upsert');
    if (Object.keys(effects.needs).length > 0) {
      await repos.customers.applyPatch(user.orgId, customer.id, { needs: effects.needs });
      await repos.changeLog.append(user.orgId, 'customer', customer.id, 'upsert');
    }
    for (const made of effects.followUps) await insertRuleFollowUp(repos, user.orgId, made);
    return saved(repos, user, visit.id);
  },

  async 'visit.review'(repos, user, review) {
    // Who may review does not depend on the visit: answered first, so it reveals nothing.
    const forbidden = visitStepProblem({ status: 'held' }, 'review', { role: user.role });
    if (forbidden) return refusal(forbidden);
    const scope = await visitFor(repos, user, review.id, 'review');
    if (scope instanceof Rejection) return scope;
    await repos.visits.update(user.orgId, scope.row.id, {
      review: { reviewerUserId: user.id, comment: review.comment, reviewedAt: review.reviewedAt },
    });
    return saved(repos, user, scope.row.id);
  },
};

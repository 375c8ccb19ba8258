import { visitReportEffects, visitStepProblem, withUniquePeople, type VisitProblem, type VisitStep } from '../../../shared/domain/visit-rules';
import type { Repositories } from '../../storage/repositories/index';
import type { VisitRow } from '../../storage/repositories/visits';
import type { AuthedUser } from '../auth-service';
import { insertRuleFollowUp } from './follow-up-writes';
import type { Handlers } from './handler';
import { checkCustomer, checkOwner, Rejection } from './handler';
import { checkContactsOf, checkMembers, checkTimelineItem } from './record-refs';

type VisitKinds = 'visit.plan' | 'visit.update' | 'visit.cancel' | 'visit.report' | 'visit.review';

const refusal = (p: VisitProblem) =>
  new Rejection(p.code === 'review_forbidden' ? 'forbidden' : p.field === null ? 'conflict' : 'invalid', p.message);

/** The visit when it may take the step now, else why not. */
async function visitFor(repos: Repositories, user: AuthedUser, id: string, step: VisitStep, heldAt?: string): Promise<VisitRow | Rejection> {
  const visit = await repos.visits.get(user.orgId, id);
  if (!visit || visit.deleted) return new Rejection('not_found', 'This visit does not exist.');
  const problem = visitStepProblem(visit, step, { heldAt, reportedAt: new Date().toISOString() });
  return problem ? refusal(problem) : visit;
}

async function checkPlanRefs(
  repos: Repositories,
  user: AuthedUser,
  customerId: string,
  plan: { ownerUserId?: string; userIds?: string[]; contactIds?: string[]; meetingItemId?: string | null },
) {
  return (
    (await checkOwner(repos, user, plan.ownerUserId)) ??
    (await checkMembers(repos, user, plan.userIds)) ??
    (await checkContactsOf(repos, user, customerId, plan.contactIds)) ??
    (await checkTimelineItem(repos, user, customerId, plan.meetingItemId, ['meeting'], 'meeting'))
  );
}

async function saved(repos: Repositories, user: AuthedUser, id: string) {
  await repos.changeLog.append(user.orgId, 'visit', id, 'upsert');
  return null;
}

export const visitMutations: Pick<Handlers, VisitKinds> = {
  async 'visit.plan'(repos, user, plan) {
    if (await repos.visits.exists(plan.id)) return new Rejection('conflict', 'A visit with this id already exists.');
    const problem = (await checkCustomer(repos, user, plan.customerId)) ?? (await checkPlanRefs(repos, user, plan.customerId, plan));
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
    const visit = await visitFor(repos, user, id, 'update');
    if (visit instanceof Rejection) return visit;
    const problem = await checkPlanRefs(repos, user, visit.customerId, patch);
    if (problem) return problem;
    await repos.visits.update(user.orgId, id, withUniquePeople(patch));
    return saved(repos, user, id);
  },

  async 'visit.cancel'(repos, user, { id }) {
    const visit = await visitFor(repos, user, id, 'cancel');
    if (visit instanceof Rejection) return visit;
    await repos.visits.update(user.orgId, id, { status: 'cancelled' });
    return saved(repos, user, id);
  },

  // The held visit: the report, a visit on the timeline (a touch and a visit for cadence and
  // dormancy), the customer's newest need and feedback, and the thank-you / proposal follow-ups.
  async 'visit.report'(repos, user, input) {
    const visit = await visitFor(repos, user, input.id, 'report', input.heldAt);
    if (visit instanceof Rejection) return visit;
    const [customer, settings] = await Promise.all([repos.customers.get(user.orgId, visit.customerId), repos.orgSettings.effective(user.orgId)]);
    if (!customer || customer.deleted) return new Rejection('not_found', 'The customer has been deleted.');
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
    const visit = await visitFor(repos, user, review.id, 'review');
    if (visit instanceof Rejection) return visit;
    await repos.visits.update(user.orgId, visit.id, {
      review: { reviewerUserId: user.id, comment: review.comment, reviewedAt: review.reviewedAt },
    });
    return saved(repos, user, visit.id);
  },
};

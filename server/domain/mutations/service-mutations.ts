import { firstReplyEffects, newServiceItem, planServiceStep, servicePatchEffects, type Planned, type ServiceChange } from '../../../shared/domain/service-effects';
import type { ServiceProblem } from '../../../shared/domain/service-workflow';
import type { Repositories } from '../../storage/repositories/index';
import type { ServiceItemRow } from '../../storage/repositories/service-items';
import type { AuthedUser } from '../auth-service';
import { writeFollowUps } from './follow-up-writes';
import type { Handler, Handlers } from './handler';
import { checkCustomer, checkOwner, Rejection } from './handler';
import { checkContactsOf, checkTimelineItem, isInFuture } from './record-refs';

type ServiceKinds =
  | 'service.create'
  | 'service.update'
  | 'service.firstReply'
  | 'service.commit'
  | 'service.options'
  | 'service.resolve'
  | 'service.close';

/**
 * A refusal in the shared rule's words. A field that is missing or wrong makes the change
 * invalid; a stage that does not allow the step means someone else moved the item first.
 */
function refusal(problems: readonly ServiceProblem[]): Rejection {
  const code = problems.some((p) => p.field !== null) ? 'invalid' : 'conflict';
  return new Rejection(code, problems.map((p) => p.message).join(' '));
}

async function liveItem(repos: Repositories, user: AuthedUser, id: string): Promise<ServiceItemRow | Rejection> {
  const item = await repos.serviceItems.get(user.orgId, id);
  if (!item || item.deleted) return new Rejection('not_found', 'This request or complaint does not exist.');
  return item;
}

/** Writes what the shared rules decided: the item's fields, the follow-ups, their log entries. */
async function apply(repos: Repositories, user: AuthedUser, item: ServiceItemRow, planned: Planned): Promise<Rejection | null> {
  if (!planned.ok) return refusal(planned.problems);
  if (Object.keys(planned.effects.item).length > 0) {
    await repos.serviceItems.update(user.orgId, item.id, planned.effects.item);
    await repos.changeLog.append(user.orgId, 'serviceItem', item.id, 'upsert');
  }
  await writeFollowUps(repos, user.orgId, planned.effects.followUps);
  return null;
}

/** The workflow steps, each re-checked here against the stored item and its follow-ups. */
function step<K extends ServiceChange['kind']>(kind: K): Handler<K> {
  return async (repos, user, payload) => {
    const item = await liveItem(repos, user, payload.id);
    if (item instanceof Rejection) return item;
    const [settings, followUps] = await Promise.all([
      repos.orgSettings.effective(user.orgId),
      repos.followUps.listBySource(user.orgId, item.customerId, item.id),
    ]);
    const change = { kind, payload } as ServiceChange;
    return apply(repos, user, item, await planServiceStep(item, change, { userId: user.id, settings, followUps }));
  };
}

export const serviceMutations: Pick<Handlers, ServiceKinds> = {
  async 'service.create'(repos, user, c) {
    if (await repos.serviceItems.exists(c.id)) return new Rejection('conflict', 'A request or complaint with this id already exists.');
    const problem =
      (await checkCustomer(repos, user, c.customerId)) ??
      (await checkOwner(repos, user, c.ownerUserId)) ??
      (await checkContactsOf(repos, user, c.customerId, [c.contactId])) ??
      (await checkTimelineItem(repos, user, c.customerId, c.sourceId, null, 'email it was logged from'));
    if (problem) return problem;
    if (isInFuture(c.receivedAt)) return new Rejection('invalid', 'The received time cannot be in the future.');
    const settings = await repos.orgSettings.effective(user.orgId);
    await repos.serviceItems.insert(user.orgId, newServiceItem(c, settings, user.id));
    await repos.changeLog.append(user.orgId, 'serviceItem', c.id, 'upsert');
    return null;
  },

  async 'service.update'(repos, user, { id, patch }) {
    const item = await liveItem(repos, user, id);
    if (item instanceof Rejection) return item;
    const problem =
      (await checkOwner(repos, user, patch.ownerUserId)) ?? (await checkContactsOf(repos, user, item.customerId, [patch.contactId ?? null]));
    if (problem) return problem;
    return apply(repos, user, item, servicePatchEffects(item, patch, await repos.orgSettings.effective(user.orgId)));
  },

  async 'service.firstReply'(repos, user, reply) {
    const item = await liveItem(repos, user, reply.id);
    if (item instanceof Rejection) return item;
    if (isInFuture(reply.repliedAt)) return new Rejection('invalid', 'The reply time cannot be in the future.');
    return apply(repos, user, item, firstReplyEffects(item, reply));
  },

  'service.commit': step('service.commit'),
  'service.options': step('service.options'),
  'service.resolve': step('service.resolve'),
  'service.close': step('service.close'),
};

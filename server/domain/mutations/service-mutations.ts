import { newServiceItem, planServiceChange, type Planned, type ServiceItemChange } from '../../../shared/domain/service-effects';
import type { ServiceProblem } from '../../../shared/domain/service-workflow';
import type { Repositories } from '../../storage/repositories/index';
import type { ServiceItemRow } from '../../storage/repositories/service-items';
import type { AuthedUser } from '../auth-service';
import { writeFollowUps } from './follow-up-writes';
import type { Handler, Handlers } from './handler';
import type { CustomerRow } from '../../storage/repositories/customers';
import { checkOwner, customerFor, recordFor, Rejection } from './handler';
import { checkContactsOf, checkTimelineItem, isInFuture } from './record-refs';

/**
 * A refusal in the shared rule's words. A field that is missing or wrong makes the change
 * invalid; a stage that does not allow the step means someone else moved the item first.
 */
function refusal(problems: readonly ServiceProblem[]): Rejection {
  const code = problems.some((p) => p.field !== null) ? 'invalid' : 'conflict';
  return new Rejection(code, problems.map((p) => p.message).join(' '));
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

type ChangeKind = ServiceItemChange['kind'];
type Payload<K extends ChangeKind> = Extract<ServiceItemChange, { kind: K }>['payload'];

/**
 * A change to an existing item, re-checked here with the shared rules against the stored item,
 * the organisation's settings and the item's rule-made follow-ups. `check` adds what only the
 * server can know (whether an owner or contact exists).
 */
function change<K extends ChangeKind>(
  kind: K,
  check?: (repos: Repositories, user: AuthedUser, item: ServiceItemRow, payload: Payload<K>, customer: CustomerRow) => Promise<Rejection | null>,
): Handler<K> {
  return (async (repos: Repositories, user: AuthedUser, payload: Payload<K>) => {
    const scope = await recordFor(repos, user, await repos.serviceItems.get(user.orgId, payload.id), 'serviceItem', 'This request or complaint does not exist.');
    if (scope instanceof Rejection) return scope;
    const { row: item, customer } = scope;
    if (item.deleted) return new Rejection('not_found', 'This request or complaint does not exist.');
    const problem = check ? await check(repos, user, item, payload, customer) : null;
    if (problem) return problem;
    // In turn: a handler's queries share its transaction's connection.
    const settings = await repos.orgSettings.effective(user.orgId);
    const followUps = await repos.followUps.listBySource(user.orgId, item.customerId, item.id);
    const planned = await planServiceChange(item, { kind, payload } as ServiceItemChange, { userId: user.id, settings, followUps });
    return apply(repos, user, item, planned);
  }) as Handler<K>;
}

export const serviceMutations: Pick<Handlers, 'service.create' | ChangeKind> = {
  async 'service.create'(repos, user, c) {
    const scope = await customerFor(repos, user, c.customerId, 'serviceItem');
    if (scope instanceof Rejection) return scope;
    if (await repos.serviceItems.exists(c.id)) return new Rejection('conflict', 'A request or complaint with this id already exists.');
    const problem =
      (await checkOwner(repos, user, { customer: scope.customer, entity: 'serviceItem' }, c.ownerUserId)) ??
      (await checkContactsOf(repos, user, c.customerId, [c.contactId])) ??
      (await checkTimelineItem(repos, user, c.customerId, c.sourceId, null, 'email it was logged from'));
    if (problem) return problem;
    if (isInFuture(c.receivedAt)) return new Rejection('invalid', 'The received time cannot be in the future.');
    const settings = await repos.orgSettings.effective(user.orgId);
    await repos.serviceItems.insert(user.orgId, newServiceItem(c, settings, user.id));
    await repos.changeLog.append(user.orgId, 'serviceItem', c.id, 'upsert');
    return null;
  },
  'service.update': change('service.update', async (repos, user, item, { patch }, customer) =>
    (await checkOwner(repos, user, { customer, entity: 'serviceItem' }, patch.ownerUserId)) ?? (await checkContactsOf(repos, user, item.customerId, [patch.contactId ?? null])),
  ),
  'service.firstReply': change('service.firstReply', async (_repos, _user, _item, reply) =>
    isInFuture(reply.repliedAt) ? new Rejection('invalid', 'The reply time cannot be in the future.') : null,
  ),
  'service.commit': change('service.commit'),
  'service.options': change('service.options'),
  'service.resolve': change('service.resolve'),
  'service.close': change('service.close'),
};

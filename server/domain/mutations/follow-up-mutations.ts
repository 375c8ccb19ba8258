import { endedBy, NOT_ENDED } from '../../../shared/schemas/follow-up';
import type { FollowUpEnd } from '../../storage/repositories/follow-ups';
import type { Repositories } from '../../storage/repositories/index';
import type { AuthedUser } from '../auth-service';
import type { Handlers } from './handler';
import { checkOwner, customerFor, recordFor, Rejection } from './handler';

/**
 * Follow-ups people make and end (DOMAIN.md "Follow-ups"). Anyone who sees the customer may act
 * on its follow-ups (shared team queues, seeds FUP-15), support leads included (service access,
 * server/domain/customer-scope.ts); for anyone else the follow-up does not exist.
 */
type Kinds = 'followUp.create' | 'followUp.update' | 'followUp.complete' | 'followUp.reopen' | 'followUp.customerReplied';

async function liveFollowUp(repos: Repositories, user: AuthedUser, id: string) {
  const scope = await recordFor(repos, user, await repos.followUps.get(user.orgId, id), 'followUp', 'This follow-up does not exist.');
  if (scope instanceof Rejection) return scope;
  if (scope.row.deleted) return new Rejection('not_found', 'This follow-up has been deleted (its customer was deleted).');
  return scope;
}

/** The contact, when named, must be a live contact of this customer. */
export async function checkContactOf(repos: Repositories, user: AuthedUser, customerId: string, contactIds: readonly string[]) {
  if (contactIds.length === 0) return null;
  const contacts = await repos.contacts.listByIds(user.orgId, [...new Set(contactIds)]);
  const ok = contacts.length === new Set(contactIds).size && contacts.every((c) => !c.deleted && c.customerId === customerId);
  return ok ? null : new Rejection('invalid', 'The contact is not a contact of this customer.');
}

export const followUpMutations: Pick<Handlers, Kinds> = {
  async 'followUp.create'(repos, user, f) {
    const scope = await customerFor(repos, user, f.customerId, 'followUp');
    if (scope instanceof Rejection) return scope;
    if (await repos.followUps.exists(f.id)) return new Rejection('conflict', 'A follow-up with this id already exists.');
    const problem =
      (await checkOwner(repos, user, { customer: scope.customer, entity: 'followUp' }, f.ownerUserId)) ?? (await checkContactOf(repos, user, f.customerId, f.contactId ? [f.contactId] : []));
    if (problem) return problem;
    if (f.sourceId) {
      const [item] = await repos.timelineItems.listByIds(user.orgId, [f.sourceId]);
      if (!item || item.customerId !== f.customerId) {
        return new Rejection('invalid', 'The timeline item it follows up is not on this customer’s timeline.');
      }
    }
    await repos.followUps.insert(user.orgId, { ...f, ...NOT_ENDED, occasion: null, createdByUserId: user.id });
    await repos.changeLog.append(user.orgId, 'followUp', f.id, 'upsert');
    return null;
  },

  // Reschedule, reassign or reword; last writer wins per field. Only while open.
  async 'followUp.update'(repos, user, { id, patch }) {
    const live = await liveFollowUp(repos, user, id);
    if (live instanceof Rejection) return live;
    const { row, customer } = live;
    if (row.status !== 'open') return new Rejection('invalid', 'This follow-up has ended; reopen it before changing it.');
    // A rule-made follow-up is phrased from its purpose; one a person made needs its reason.
    if (patch.reason === '' && (row.purpose === 'general' || row.purpose === 'no_reply')) {
      return new Rejection('invalid', 'Say what to follow up on.');
    }
    const problem =
      (await checkOwner(repos, user, { customer, entity: 'followUp' }, patch.ownerUserId)) ??
      (await checkContactOf(repos, user, row.customerId, patch.contactId ? [patch.contactId] : []));
    if (problem) return problem;
    await repos.followUps.update(user.orgId, id, patch);
    await repos.changeLog.append(user.orgId, 'followUp', id, 'upsert');
    return null;
  },

  async 'followUp.complete'(repos, user, c) {
    const live = await liveFollowUp(repos, user, c.id);
    if (live instanceof Rejection) return live;
    const { row } = live;
    if (c.satisfaction !== null && c.status !== 'done') return new Rejection('invalid', 'A rating needs the follow-up done, not skipped.');
    if (row.status === c.status) {
      // Ended twice the same way (two devices, two colleagues): nothing more to do, unless this
      // one says what happened differently; accepting it would drop those words without a trace.
      const differs = (c.outcome !== null && c.outcome !== row.outcome) || (c.satisfaction !== null && c.satisfaction !== row.satisfaction);
      return differs ? new Rejection('conflict', `It was already marked ${row.status}, with another outcome or rating; reopen it to record yours.`) : null;
    }
    if (row.status !== 'open') return new Rejection('conflict', `It was already marked ${row.status}.`);
    const end: FollowUpEnd = {
      status: c.status,
      closedBy: 'user',
      completedAt: c.completedAt,
      completedByUserId: user.id,
      outcome: c.outcome,
      satisfaction: c.satisfaction,
    };
    if (await repos.followUps.closeIfOpen(user.orgId, c.id, end)) await repos.changeLog.append(user.orgId, 'followUp', c.id, 'upsert');
    return null;
  },

  async 'followUp.reopen'(repos, user, { id }) {
    const live = await liveFollowUp(repos, user, id);
    if (live instanceof Rejection) return live;
    if (live.row.status === 'open') return null;
    await repos.followUps.update(user.orgId, id, NOT_ENDED);
    await repos.changeLog.append(user.orgId, 'followUp', id, 'upsert');
    return null;
  },

  // The extension saw the customer reply in the watched thread (shared no-reply rule). Mail
  // ingestion closes the same follow-ups on its own (services.followUps.closeOnCustomerReply).
  async 'followUp.customerReplied'(repos, user, r) {
    const live = await liveFollowUp(repos, user, r.id);
    if (live instanceof Rejection) return live;
    if (!live.row.replyWatch) return new Rejection('invalid', 'This follow-up does not wait for a reply.');
    if (await repos.followUps.closeIfOpen(user.orgId, r.id, endedBy('customer_reply', r.repliedAt))) await repos.changeLog.append(user.orgId, 'followUp', r.id, 'upsert');
    return null;
  },
};

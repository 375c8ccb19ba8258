import { normaliseEmail } from '../../shared/domain/email';
import type { Mutation, RejectionCode } from '../../shared/schemas/sync';
import type { Repositories } from '../storage/repositories/index';
import type { AuthedUser } from './auth-service';

/** A refusal the client shows to the user; the transaction still commits the stored result. */
export class Rejection {
  constructor(
    readonly code: RejectionCode,
    readonly reason: string,
  ) {}
}

type Handler<K extends Mutation['kind']> = (
  repos: Repositories,
  user: AuthedUser,
  payload: Extract<Mutation, { kind: K }>['payload'],
) => Promise<Rejection | null>;

type Handlers = { [K in Mutation['kind']]: Handler<K> };

/**
 * One function per mutation kind. Each checks everything first and writes only when it will
 * succeed, so a rejection never leaves a partial change behind. Every write appends to the
 * change log in the same transaction.
 */
export const mutationHandlers: Handlers = {
  async 'customer.create'(repos, user, c) {
    if (await repos.customers.exists(c.id)) return new Rejection('conflict', 'A customer with this id already exists.');
    const ownerProblem = await checkOwner(repos, user, c.ownerUserId);
    if (ownerProblem) return ownerProblem;
    await repos.customers.insert(user.orgId, c);
    await repos.changeLog.append(user.orgId, 'customer', c.id, 'upsert');
    return null;
  },

  // Field-level last writer wins, by server order: only the fields in the patch are written, so
  // two people changing different fields both keep their change. baseVersion is not compared.
  async 'customer.update'(repos, user, { id, patch }) {
    const customer = await repos.customers.get(user.orgId, id);
    if (!customer) return new Rejection('not_found', 'This customer does not exist.');
    if (customer.deleted) return new Rejection('not_found', 'This customer has been deleted.');
    const ownerProblem = await checkOwner(repos, user, patch.ownerUserId ?? null);
    if (ownerProblem) return ownerProblem;
    await repos.customers.applyPatch(user.orgId, id, patch);
    await repos.changeLog.append(user.orgId, 'customer', id, 'upsert');
    return null;
  },

  async 'customer.delete'(repos, user, { id }) {
    const customer = await repos.customers.get(user.orgId, id);
    if (!customer) return new Rejection('not_found', 'This customer does not exist.');
    // Deleted twice (two people offline): the outcome the second wanted already holds.
    if (customer.deleted) return null;
    await repos.customers.softDelete(user.orgId, id);
    await repos.changeLog.append(user.orgId, 'customer', id, 'delete');
    for (const contactId of await repos.contacts.softDeleteByCustomer(user.orgId, id)) {
      await repos.changeLog.append(user.orgId, 'contact', contactId, 'delete');
    }
    for (const itemId of await repos.timelineItems.softDeleteByCustomer(user.orgId, id)) {
      await repos.changeLog.append(user.orgId, 'timelineItem', itemId, 'delete');
    }
    return null;
  },

  async 'contact.create'(repos, user, c) {
    const missing = await checkCustomer(repos, user, c.customerId);
    if (missing) return missing;
    if (await repos.contacts.exists(c.id)) return new Rejection('conflict', 'A contact with this id already exists.');
    const emails = [...new Set(c.emails.map(normaliseEmail))];
    await repos.contacts.insert(user.orgId, { id: c.id, customerId: c.customerId, name: c.name, emails });
    await repos.changeLog.append(user.orgId, 'contact', c.id, 'upsert');
    return null;
  },

  // Append-only: a note never conflicts with another change; only its id must be new.
  async 'note.create'(repos, user, n) {
    const missing = await checkCustomer(repos, user, n.customerId);
    if (missing) return missing;
    if (await repos.timelineItems.exists(n.id)) return new Rejection('conflict', 'A note with this id already exists.');
    const contactIds = [...new Set(n.contactIds)];
    const contacts = await repos.contacts.listByIds(user.orgId, contactIds);
    if (contacts.length !== contactIds.length) {
      return new Rejection('invalid', 'The note names a contact that does not exist.');
    }
    await repos.timelineItems.insert(user.orgId, {
      id: n.id,
      customerId: n.customerId,
      kind: 'note',
      occurredAt: n.occurredAt,
      authorUserId: user.id,
      contactIds,
      summary: n.summary,
      sourceRef: n.sourceRef,
    });
    await repos.changeLog.append(user.orgId, 'timelineItem', n.id, 'upsert');
    return null;
  },
};

async function checkCustomer(repos: Repositories, user: AuthedUser, customerId: string) {
  // Another organisation's customer gets the same answer as a missing one: nothing leaks.
  const customer = await repos.customers.get(user.orgId, customerId);
  if (!customer) return new Rejection('not_found', 'The customer does not exist.');
  if (customer.deleted) return new Rejection('not_found', 'The customer has been deleted.');
  return null;
}

async function checkOwner(repos: Repositories, user: AuthedUser, ownerUserId: string | null) {
  if (ownerUserId === null) return null;
  const [owner] = await repos.users.listByIds(user.orgId, [ownerUserId]);
  return owner ? null : new Rejection('invalid', 'The owner is not a member of this organisation.');
}

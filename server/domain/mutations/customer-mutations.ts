import type { Handlers } from './handler';
import { checkCode, checkCustomFields, checkOwner, Rejection } from './handler';

export const customerMutations: Pick<Handlers, 'customer.create' | 'customer.update' | 'customer.delete'> = {
  async 'customer.create'(repos, user, c) {
    if (await repos.customers.exists(c.id)) return new Rejection('conflict', 'A customer with this id already exists.');
    const problem =
      (await checkOwner(repos, user, c.ownerUserId)) ??
      (await checkCode(repos, user, c.id, c.code)) ??
      (await checkCustomFields(repos, user, c.customFields));
    if (problem) return problem;
    await repos.customers.insert(user.orgId, c);
    await repos.changeLog.append(user.orgId, 'customer', c.id, 'upsert');
    return null;
  },

  // Field-level last writer wins, by server order: only the fields in the patch are written, and
  // inside the groups only the sub-fields named, so two people changing different fields (or the
  // address and the phone of the profile) both keep their change. baseVersion is not compared.
  async 'customer.update'(repos, user, { id, patch }) {
    const customer = await repos.customers.get(user.orgId, id);
    if (!customer) return new Rejection('not_found', 'This customer does not exist.');
    if (customer.deleted) return new Rejection('not_found', 'This customer has been deleted.');
    const problem =
      (await checkOwner(repos, user, patch.ownerUserId)) ??
      (await checkCode(repos, user, id, patch.code)) ??
      (await checkCustomFields(repos, user, patch.customFields));
    if (problem) return problem;
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
    // Everything that belongs to the customer leaves every replica with it, as tombstones.
    const dependents = [
      ['contact', repos.contacts],
      ['timelineItem', repos.timelineItems],
      ['followUp', repos.followUps],
      ['serviceItem', repos.serviceItems],
      ['visit', repos.visits],
    ] as const;
    for (const [entity, repository] of dependents) {
      for (const dependentId of await repository.softDeleteByCustomer(user.orgId, id)) {
        await repos.changeLog.append(user.orgId, entity, dependentId, 'delete');
      }
    }
    return null;
  },
};

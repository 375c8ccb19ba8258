import { customerAccess, SENSITIVE_CUSTOMER_FIELDS } from '../../../shared/domain/access';
import type { CustomerPatch } from '../../../shared/schemas/customer';
import { checkAssignment } from './customer-assignment';
import type { Handlers } from './handler';
import { checkCode, checkCustomFields, customerFor, Rejection } from './handler';

const SENSITIVE_REFUSED = new Rejection(
  'forbidden',
  'Only the owner, their managers and administrators can change the bank details, tax number and key-account intelligence.',
);
const touchesSensitive = (patch: CustomerPatch) => SENSITIVE_CUSTOMER_FIELDS.some((field) => patch[field] !== undefined);

export const customerMutations: Pick<Handlers, 'customer.create' | 'customer.update' | 'customer.delete'> = {
  // The creator (or the owner a manager or admin names) has full access to the new customer.
  async 'customer.create'(repos, user, c) {
    if (await repos.customers.exists(c.id)) return new Rejection('conflict', 'A customer with this id already exists.');
    const assignment = await checkAssignment(repos, user, null, c, 'full');
    if (assignment instanceof Rejection) return assignment;
    const problem = (await checkCode(repos, user, c.id, c.code)) ?? (await checkCustomFields(repos, user, c.customFields));
    if (problem) return problem;
    await repos.customers.insert(user.orgId, { ...c, ...assignment.write });
    await repos.changeLog.append(user.orgId, 'customer', c.id, 'upsert');
    return null;
  },

  // Field-level last writer wins, by server order: only the fields in the patch are written, and
  // inside the groups only the sub-fields named, so two people changing different fields (or the
  // address and the phone of the profile) both keep their change. baseVersion is not compared.
  async 'customer.update'(repos, user, { id, patch }) {
    const scope = await customerFor(repos, user, id, 'customer');
    if (scope instanceof Rejection) return scope;
    if (touchesSensitive(patch) && scope.access !== 'full') return SENSITIVE_REFUSED;
    const assignment = await checkAssignment(repos, user, scope.customer, patch, scope.access);
    if (assignment instanceof Rejection) return assignment;
    const problem = (await checkCode(repos, user, id, patch.code)) ?? (await checkCustomFields(repos, user, patch.customFields));
    if (problem) return problem;
    await repos.customers.applyPatch(user.orgId, id, { ...patch, ...assignment.write });
    await repos.changeLog.append(user.orgId, 'customer', id, 'upsert');
    // Who may see the customer changed: its records go back into the log, so the people who
    // gained it receive them and those who lost it receive tombstones on their next pull.
    if (assignment.rescoped) await repos.changeLog.appendDependentsOf(user.orgId, [id]);
    return null;
  },

  async 'customer.delete'(repos, user, { id }) {
    const customer = await repos.customers.get(user.orgId, id);
    // Deleted twice (two people offline): the outcome the second wanted already holds.
    if (customer?.deleted && customerAccess(user, customer) !== 'none') return null;
    const scope = await customerFor(repos, user, id, 'customer');
    if (scope instanceof Rejection) return scope;
    if (scope.access !== 'full') return new Rejection('forbidden', 'Only the owner, their managers and administrators can delete this customer.');
    await repos.customers.softDelete(user.orgId, id);
    await repos.changeLog.append(user.orgId, 'customer', id, 'delete');
    // Everything that belongs to the customer leaves every replica with it, as tombstones.
    const gone = await repos.customerDependents.softDeleteAllOf(user.orgId, id);
    await repos.changeLog.appendMany(user.orgId, gone.map((d) => ({ entity: d.entity, entityId: d.id, op: 'delete' as const })));
    return null;
  },
};

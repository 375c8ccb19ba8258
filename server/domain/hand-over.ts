import { customerAccess } from '../../shared/domain/access';
import type { Store } from '../storage/repositories/index';
import { actorOf, type AuthedUser } from './auth-service';
import { DomainError } from './errors';
import { checkAssignment } from './mutations/customer-assignment';
import { Rejection } from './mutations/handler';

/**
 * Bulk hand-over (ROL-12: rotation, someone leaving): every live customer of one owner that the
 * caller may reassign goes to another owner, with the same rules as one reassignment
 * (customer-assignment.ts), in one transaction; timelines stay with the customers. Returns how
 * many moved. Managers move only their department's customers, to people of their department.
 */
export async function handOverCustomers(store: Store, caller: AuthedUser, input: { fromUserId: string; toUserId: string }) {
  if (caller.role !== 'admin' && caller.role !== 'manager') {
    throw new DomainError('FORBIDDEN', 'Only a manager or an administrator can hand customers over.');
  }
  return store.transaction(async (repos) => {
    const [from] = await repos.users.listByIds(caller.orgId, [input.fromUserId]);
    if (!from) throw new DomainError('NOT_FOUND', 'user not found');
    const ids = await repos.customers.listIdsByOwner(caller.orgId, from.id);
    const moved: string[] = [];
    for (const customer of await repos.customers.listByIds(caller.orgId, ids)) {
      const access = customerAccess(caller, customer);
      if (access !== 'full') continue;
      const assignment = await checkAssignment(repos, caller, customer, { ownerUserId: input.toUserId }, access);
      if (assignment instanceof Rejection) throw new DomainError(assignment.code === 'forbidden' ? 'FORBIDDEN' : 'BAD_REQUEST', assignment.reason);
      await repos.customers.applyPatch(caller.orgId, customer.id, assignment.write);
      moved.push(customer.id);
    }
    await repos.changeLog.appendMany(caller.orgId, moved.map((id) => ({ entity: 'customer', entityId: id, op: 'upsert' })));
    await repos.changeLog.appendDependentsOf(caller.orgId, moved);
    return { customers: moved.length };
  }, actorOf(caller, 'customers.handOver'));
}

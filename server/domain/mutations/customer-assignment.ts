import { mayReassign, type Access } from '../../../shared/domain/access';
import type { CustomerPatch } from '../../../shared/schemas/customer';
import type { Repositories } from '../../storage/repositories/index';
import type { CustomerRow } from '../../storage/repositories/customers';
import type { AuthedUser } from '../auth-service';
import { activeMember, Rejection } from './handler';

type Assignment = Pick<CustomerPatch, 'ownerUserId' | 'departmentId' | 'sharedWith'>;

/**
 * Owner, owning department and sharing decide who sees a customer (shared/domain/access.ts), so
 * changing them is guarded: only with full access (owner, their managers, admins); only managers
 * and admins make someone else the owner (ROL-03), a manager only within their own department;
 * the department follows the owner unless it is set too; everyone named must be an active
 * member. Returns the refusal, or what to write and whether who-sees-what changed.
 */
export async function checkAssignment(
  repos: Repositories,
  user: AuthedUser,
  before: CustomerRow | null,
  patch: Assignment,
  access: Access,
): Promise<Rejection | { write: Assignment; rescoped: boolean }> {
  // A new customer belongs to its creator unless someone else is named (an admin may leave it ownerless).
  const owner =
    before === null ? (patch.ownerUserId ?? (user.role === 'admin' ? null : user.id)) : patch.ownerUserId === undefined ? before.ownerUserId : patch.ownerUserId;
  const ownerChanged = before === null || owner !== before.ownerUserId;
  const departmentGiven = patch.departmentId !== undefined && (before !== null || patch.departmentId !== null);
  const sharingChanged = patch.sharedWith !== undefined && !sameSet(patch.sharedWith, before?.sharedWith ?? []);
  if ((ownerChanged || departmentGiven || sharingChanged) && access !== 'full') {
    return new Rejection('forbidden', 'Only the owner, their managers and administrators can reassign or share this customer.');
  }
  const ownCreation = before === null && owner === user.id;
  if (((ownerChanged && !ownCreation) || departmentGiven) && !mayReassign(user.role)) {
    return new Rejection('forbidden', 'Only a manager or an administrator can make someone else the owner or change the department.');
  }
  const write: Assignment = {};
  if (ownerChanged) {
    const member = owner === null ? null : await activeMember(repos, user, owner);
    if (owner !== null && !member) return new Rejection('invalid', 'The owner is not an active member of this organisation.');
    if (user.role === 'manager' && member && member.id !== user.id && member.departmentId !== user.departmentId) {
      return new Rejection('forbidden', 'A manager can give customers only to people of their own department.');
    }
    write.ownerUserId = owner;
    if (!departmentGiven) write.departmentId = member?.departmentId ?? null;
  }
  if (departmentGiven && patch.departmentId !== null && patch.departmentId !== undefined) {
    const department = await repos.departments.get(user.orgId, patch.departmentId);
    if (!department || department.deleted) return new Rejection('invalid', 'The department does not exist.');
    if (user.role === 'manager' && department.id !== user.departmentId) {
      return new Rejection('forbidden', 'A manager can assign customers only to their own department.');
    }
  }
  if (departmentGiven) write.departmentId = patch.departmentId ?? null;
  if (patch.sharedWith !== undefined) {
    const ids = [...new Set(patch.sharedWith)];
    const members = await repos.users.listByIds(user.orgId, ids);
    if (members.length !== ids.length || members.some((m) => !m.active)) {
      return new Rejection('invalid', 'The customer can be shared only with active members of this organisation.');
    }
    write.sharedWith = ids;
  }
  const departmentChanged = write.departmentId !== undefined && write.departmentId !== (before?.departmentId ?? null);
  return { write, rescoped: before !== null && (ownerChanged || departmentChanged || sharingChanged) };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((x) => set.has(x));
}

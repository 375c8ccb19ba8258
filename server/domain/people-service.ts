import { v7 as uuidv7 } from 'uuid';
import type { InviteInput, InviteOutput, UserSummary, UserUpdateInput } from '../../shared/schemas/admin';
import type { Repositories, Store } from '../storage/repositories/index';
import { actorOf, addUser, INVITE_TTL_MS, issueCode, toMember, type AuthedUser } from './auth-service';
import { DomainError } from './errors';

const requireAdmin = (caller: AuthedUser, what: string) => {
  if (caller.role !== 'admin') throw new DomainError('FORBIDDEN', `Only an administrator can ${what}.`);
};
const NO_USER = () => new DomainError('NOT_FOUND', 'user not found');
const NO_DEPARTMENT = () => new DomainError('NOT_FOUND', 'department not found');

/**
 * The admin's management of people and departments. Each change runs in one transaction with
 * the admin as the audit actor, and goes into the change log so every replica learns the new
 * names, roles and departments. A role or department change moves the user's scope version
 * (users repository), which makes their replicas re-download what they may now see.
 */
export function createPeopleService(store: Store, clock: () => Date = () => new Date()) {
  const asAdmin = <T>(caller: AuthedUser, action: string, what: string, fn: (repos: Repositories) => Promise<T>) => {
    requireAdmin(caller, what);
    return store.transaction(fn, actorOf(caller, action));
  };
  const liveDepartment = async (repos: Repositories, caller: AuthedUser, id: string | null | undefined) => {
    if (id === null || id === undefined) return;
    const department = await repos.departments.get(caller.orgId, id);
    if (!department || department.deleted) throw NO_DEPARTMENT();
  };
  /** An organisation must never lose its last active administrator (nobody could fix that). */
  const keepAnAdmin = async (repos: Repositories, caller: AuthedUser, leavingId: string) => {
    const others = (await repos.users.listWithSessions(caller.orgId)).filter((u) => u.role === 'admin' && u.active && u.id !== leavingId);
    if (others.length === 0) throw new DomainError('CONFLICT', 'The organisation needs at least one active administrator.');
  };

  return {
    async listUsers(caller: AuthedUser): Promise<UserSummary[]> {
      requireAdmin(caller, 'list users');
      const rows = await store.repos.users.listWithSessions(caller.orgId);
      return rows.map((u) => ({ ...toMember(u), createdAt: u.createdAt, lastActiveAt: u.lastActiveAt, activeSessions: u.activeSessions }));
    },

    /** A new user and their one-time code (valid 7 days); the options page makes it a link. */
    invite: (caller: AuthedUser, input: InviteInput): Promise<InviteOutput> =>
      asAdmin(caller, 'users.invite', 'invite users', async (repos) => {
        await liveDepartment(repos, caller, input.departmentId);
        const created = await addUser(repos, caller.orgId, input, INVITE_TTL_MS, clock());
        return { userId: created.userId, code: created.code, expiresAt: created.expiresAt };
      }),

    /** A fresh code for someone who lost theirs or signs in on a new device; older codes stop working. */
    issueCode: (caller: AuthedUser, id: string): Promise<InviteOutput> =>
      asAdmin(caller, 'users.issueCode', 'issue sign-in codes', async (repos) => {
        const [user] = await repos.users.listByIds(caller.orgId, [id]);
        if (!user) throw NO_USER();
        if (!user.active) throw new DomainError('CONFLICT', 'Reactivate the user first.');
        return { userId: id, ...(await issueCode(repos, id, INVITE_TTL_MS, clock())) };
      }),

    update: (caller: AuthedUser, input: UserUpdateInput): Promise<void> =>
      asAdmin(caller, 'users.update', 'change users', async (repos) => {
        const [user] = await repos.users.listByIds(caller.orgId, [input.id]);
        if (!user) throw NO_USER();
        await liveDepartment(repos, caller, input.departmentId);
        if (user.role === 'admin' && input.role !== undefined && input.role !== 'admin') await keepAnAdmin(repos, caller, user.id);
        await repos.users.update(caller.orgId, user.id, input);
        await repos.changeLog.append(caller.orgId, 'member', user.id, 'upsert');
      }),

    /** Deactivation ends every session at once (tokens revoked, and authenticate checks the user). */
    setActive: (caller: AuthedUser, id: string, active: boolean): Promise<void> =>
      asAdmin(caller, active ? 'users.reactivate' : 'users.deactivate', 'deactivate users', async (repos) => {
        const [user] = await repos.users.listByIds(caller.orgId, [id]);
        if (!user) throw NO_USER();
        if (!active && user.id === caller.id) throw new DomainError('CONFLICT', 'You cannot deactivate yourself.');
        if (!active && user.role === 'admin') await keepAnAdmin(repos, caller, user.id);
        if (user.active === active) return;
        await repos.users.setDeactivated(user.id, !active);
        if (!active) await repos.authTokens.revokeAllOfUser(user.id);
        await repos.changeLog.append(caller.orgId, 'member', user.id, 'upsert');
      }),

    createDepartment: (caller: AuthedUser, name: string): Promise<{ id: string }> =>
      asAdmin(caller, 'departments.create', 'manage departments', async (repos) => {
        if (await repos.departments.findIdByName(caller.orgId, name)) throw new DomainError('CONFLICT', `A department named ${name} already exists.`);
        const id = uuidv7();
        await repos.departments.insert(caller.orgId, id, name.trim());
        await repos.changeLog.append(caller.orgId, 'department', id, 'upsert');
        return { id };
      }),

    renameDepartment: (caller: AuthedUser, id: string, name: string): Promise<void> =>
      asAdmin(caller, 'departments.rename', 'manage departments', async (repos) => {
        await liveDepartment(repos, caller, id);
        const holder = await repos.departments.findIdByName(caller.orgId, name);
        if (holder && holder !== id) throw new DomainError('CONFLICT', `A department named ${name} already exists.`);
        await repos.departments.rename(caller.orgId, id, name.trim());
        await repos.changeLog.append(caller.orgId, 'department', id, 'upsert');
      }),

    /** Only an empty department goes: its people and customers must be moved first (nobody loses sight by accident). */
    deleteDepartment: (caller: AuthedUser, id: string): Promise<void> =>
      asAdmin(caller, 'departments.delete', 'manage departments', async (repos) => {
        await liveDepartment(repos, caller, id);
        // In turn: a transaction's queries share one connection.
        const people = await repos.users.countInDepartment(caller.orgId, id);
        const customers = await repos.customers.countInDepartment(caller.orgId, id);
        if (people + customers > 0) {
          throw new DomainError('CONFLICT', `Move the department's ${people} members and ${customers} customers to another department first.`);
        }
        await repos.departments.softDelete(caller.orgId, id);
        await repos.changeLog.append(caller.orgId, 'department', id, 'delete');
      }),
  };
}
export type PeopleService = ReturnType<typeof createPeopleService>;

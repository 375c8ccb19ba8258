import { v7 as uuidv7 } from 'uuid';
import { normaliseEmail } from '../../shared/domain/email';
import type { SignInOutput } from '../../shared/schemas/auth';
import type { Member, Role } from '../../shared/schemas/member';
import type { Store } from '../storage/repositories/index';
import type { UserRow } from '../storage/repositories/users';
import { DomainError } from './errors';
import { newSignInCode, newToken, normaliseCode, sha256 } from './secrets';

const CODE_TTL_MS = 24 * 60 * 60 * 1000;
const TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;
// One message for every failure, so sign-in never tells whether an address has an account.
const SIGN_IN_FAILED = 'invalid email or code';

export type AuthedUser = Member & { orgId: string };
export type NewUser = { orgId: string; userId: string; email: string; code: string };

export function createAuthService(store: Store, clock: () => Date = () => new Date()) {
  async function issueCode(repos: Store['repos'], userId: string): Promise<string> {
    const code = newSignInCode();
    await repos.signInCodes.retireUnused(userId);
    await repos.signInCodes.insert({
      id: uuidv7(),
      userId,
      codeHash: sha256(code),
      expiresAt: new Date(clock().getTime() + CODE_TTL_MS),
    });
    return code;
  }

  async function addUser(
    repos: Store['repos'],
    orgId: string,
    input: { email: string; displayName: string; role: Role },
  ): Promise<NewUser> {
    const email = normaliseEmail(input.email);
    if (await repos.users.findInOrg(orgId, email)) {
      throw new DomainError('CONFLICT', `a user with email ${email} already exists in this organisation`);
    }
    const userId = uuidv7();
    await repos.users.insert({ id: userId, orgId, email, displayName: input.displayName.trim(), role: input.role });
    // Members replicate to the extension (owner names), so a new user is a change like any other.
    await repos.changeLog.append(orgId, 'member', userId, 'upsert');
    return { orgId, userId, email, code: await issueCode(repos, userId) };
  }

  return {
    async hasAnyOrganisation(): Promise<boolean> {
      return (await store.repos.organisations.count()) > 0;
    },

    /** `timeZone`: the organisation's zone from the start (else the default settings' zone). */
    createOrganisation(input: { name: string; adminEmail: string; adminName?: string | undefined; timeZone?: string | undefined }) {
      return store.transaction(async (repos) => {
        const orgId = uuidv7();
        await repos.organisations.insert(orgId, input.name.trim());
        const email = normaliseEmail(input.adminEmail);
        const admin = await addUser(repos, orgId, { email, displayName: input.adminName ?? email, role: 'admin' });
        if (input.timeZone) {
          await repos.orgSettings.applyPatch(orgId, { timeZone: input.timeZone });
          await repos.changeLog.append(orgId, 'orgSettings', orgId, 'upsert');
        }
        return admin;
      });
    },

    addUser(orgId: string, input: { email: string; displayName: string; role: Role }): Promise<NewUser> {
      return store.transaction(async (repos) => {
        if (!(await repos.organisations.get(orgId))) throw new DomainError('NOT_FOUND', `no organisation ${orgId}`);
        return addUser(repos, orgId, input);
      });
    },

    /** admins only; the new user joins the admin's own organisation. */
    async invite(caller: AuthedUser, input: { email: string; displayName: string; role: Role }) {
      if (caller.role !== 'admin') throw new DomainError('FORBIDDEN', 'only an admin can invite users');
      const created = await store.transaction((repos) => addUser(repos, caller.orgId, input));
      return { userId: created.userId, code: created.code };
    },

    /** A fresh code for an existing user; older unused codes stop working. */
    async reissueCode(userId: string): Promise<string> {
      return store.transaction((repos) => issueCode(repos, userId));
    },

    async findUsersByEmail(email: string): Promise<UserRow[]> {
      return store.repos.users.findByEmail(normaliseEmail(email));
    },

    async signIn(input: { email: string; code: string; deviceName: string }): Promise<SignInOutput> {
      return store.transaction(async (repos) => {
        const candidates = (await repos.users.findByEmail(normaliseEmail(input.email))).filter((u) => !u.deactivated);
        const userId =
          candidates.length > 0
            ? await repos.signInCodes.consume(
                candidates.map((u) => u.id),
                sha256(normaliseCode(input.code)),
              )
            : null;
        const user = candidates.find((u) => u.id === userId);
        if (!user) throw new DomainError('UNAUTHORIZED', SIGN_IN_FAILED);
        const org = await repos.organisations.get(user.orgId);
        if (!org) throw new DomainError('UNAUTHORIZED', SIGN_IN_FAILED);
        const token = newToken();
        const expiresAt = new Date(clock().getTime() + TOKEN_TTL_MS);
        await repos.authTokens.insert({
          id: uuidv7(),
          userId: user.id,
          tokenHash: sha256(token),
          deviceName: input.deviceName,
          expiresAt,
        });
        return {
          token,
          expiresAt: expiresAt.toISOString(),
          user: toMember(user),
          organisation: { id: org.id, name: org.name },
        };
      });
    },

    /** The user behind a bearer token, or null for unknown, expired, revoked or deactivated. */
    async authenticate(token: string): Promise<AuthedUser | null> {
      const hash = sha256(token);
      const userId = await store.repos.authTokens.findActiveUserId(hash);
      if (!userId) return null;
      const user = await store.repos.users.get(userId);
      if (!user || user.deactivated) return null;
      await store.repos.authTokens.touch(hash);
      return { ...toMember(user), orgId: user.orgId };
    },

    async signOut(token: string): Promise<void> {
      await store.repos.authTokens.revoke(sha256(token));
    },

    async organisationOf(user: AuthedUser) {
      const org = await store.repos.organisations.get(user.orgId);
      if (!org) throw new DomainError('UNAUTHORIZED', 'organisation no longer exists');
      return { id: org.id, name: org.name };
    },

    /** Deactivation ends every session at once: authenticate() checks the user on each call. */
    async setDeactivated(userId: string, deactivated: boolean): Promise<void> {
      await store.transaction(async (repos) => {
        const user = await repos.users.get(userId);
        if (!user) throw new DomainError('NOT_FOUND', `no user ${userId}`);
        await repos.users.setDeactivated(userId, deactivated);
        await repos.changeLog.append(user.orgId, 'member', userId, 'upsert');
      });
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;

export function toMember(user: UserRow): Member {
  return { id: user.id, email: user.email, displayName: user.displayName, role: user.role };
}

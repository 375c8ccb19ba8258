import { v7 as uuidv7 } from 'uuid';
import { normaliseEmail } from '../../shared/domain/email';
import type { SignInOutput } from '../../shared/schemas/auth';
import type { Member, Role } from '../../shared/schemas/member';
import type { AuditActor } from '../storage/repositories/audit-actor';
import type { Repositories, Store } from '../storage/repositories/index';
import type { UserRow } from '../storage/repositories/users';
import { DomainError } from './errors';
import { newSignInCode, newToken, normaliseCode, sha256 } from './secrets';
import { createSignInLimit } from './sign-in-limit';

export const CODE_TTL_MS = 24 * 60 * 60 * 1000;
/** An invite travels by mail or chat and may wait over a weekend. */
export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;
// One message for every failure, so sign-in never tells whether an address has an account.
const SIGN_IN_FAILED = 'invalid email or code';

/** The caller of an authenticated request: who, in which organisation, through which session. */
export type AuthedUser = Member & { orgId: string; scopeVersion: number; sessionId: string; device: string };
export type NewUser = { orgId: string; userId: string; email: string; code: string; expiresAt: string };
export type NewUserInput = { email: string; displayName: string; role: Role; departmentId?: string | null };

/** The audit trail's "who, from which device, doing what" for a request of this user. */
export function actorOf(user: AuthedUser, action: string): AuditActor {
  return { userId: user.id, sessionId: user.sessionId, device: user.device, action };
}

/** The server's own work (first start, command line): no user. */
export const systemActor = (action: string): AuditActor => ({ userId: null, sessionId: null, device: null, action });

export async function issueCode(repos: Repositories, userId: string, ttlMs: number, now: Date): Promise<{ code: string; expiresAt: string }> {
  const code = newSignInCode();
  const expiresAt = new Date(now.getTime() + ttlMs);
  await repos.signInCodes.retireUnused(userId);
  await repos.signInCodes.insert({ id: uuidv7(), userId, codeHash: sha256(code), expiresAt });
  return { code, expiresAt: expiresAt.toISOString() };
}

export async function addUser(repos: Repositories, orgId: string, input: NewUserInput, ttlMs: number, now: Date): Promise<NewUser> {
  const email = normaliseEmail(input.email);
  if (await repos.users.findInOrg(orgId, email)) {
    throw new DomainError('CONFLICT', `a user with email ${email} already exists in this organisation`);
  }
  const userId = uuidv7();
  const departmentId = input.departmentId ?? null;
  await repos.users.insert({ id: userId, orgId, email, displayName: input.displayName.trim(), role: input.role, departmentId });
  // Members replicate to the extension (owner names), so a new user is a change like any other.
  await repos.changeLog.append(orgId, 'member', userId, 'upsert');
  return { orgId, userId, email, ...(await issueCode(repos, userId, ttlMs, now)) };
}

export type NewOrganisation = { name: string; adminEmail: string; adminName?: string | undefined; timeZone?: string | undefined };

async function createOrganisation(repos: Repositories, input: NewOrganisation, now: Date): Promise<NewUser> {
  const orgId = uuidv7();
  await repos.organisations.insert(orgId, input.name.trim());
  const email = normaliseEmail(input.adminEmail);
  const admin = await addUser(repos, orgId, { email, displayName: input.adminName ?? email, role: 'admin' }, CODE_TTL_MS, now);
  if (input.timeZone) {
    await repos.orgSettings.applyPatch(orgId, { timeZone: input.timeZone });
    await repos.changeLog.append(orgId, 'orgSettings', orgId, 'upsert');
  }
  return admin;
}

export function createAuthService(store: Store, clock: () => Date = () => new Date()) {
  const limit = createSignInLimit(store);
  return {
    /** `timeZone`: the organisation's zone from the start (else the default settings' zone). */
    createOrganisation(input: NewOrganisation) {
      return store.transaction((repos) => createOrganisation(repos, input, clock()), systemActor('organisation.create'));
    },

    /**
     * The first start's organisation, unless the database already has one. Processes starting
     * at the same instant on an empty database take turns on an advisory lock held to COMMIT:
     * the second sees the first's organisation and creates nothing (null).
     */
    createFirstOrganisation(input: NewOrganisation) {
      return store.transaction(async (repos) => {
        await repos.organisations.lockFirstStart();
        if ((await repos.organisations.count()) > 0) return null;
        return createOrganisation(repos, input, clock());
      }, systemActor('organisation.create'));
    },

    /** The command line's way in (no caller): adds a user to an organisation. */
    addUser(orgId: string, input: NewUserInput): Promise<NewUser> {
      return store.transaction(async (repos) => {
        if (!(await repos.organisations.get(orgId))) throw new DomainError('NOT_FOUND', `no organisation ${orgId}`);
        return addUser(repos, orgId, input, CODE_TTL_MS, clock());
      }, systemActor('cli.add-user'));
    },

    /** A fresh code for an existing user (command line); older unused codes stop working. */
    async reissueCode(userId: string): Promise<string> {
      const issued = await store.transaction((repos) => issueCode(repos, userId, CODE_TTL_MS, clock()), systemActor('cli.issue-code'));
      return issued.code;
    },

    async findUsersByEmail(email: string): Promise<UserRow[]> {
      return store.repos.users.findByEmail(normaliseEmail(email));
    },

    /**
     * Rate-limited per address and per client address (sign-in-limit.ts): the check comes first
     * and answers the same whether or not the address has an account.
     */
    async signIn(input: { email: string; code: string; deviceName: string }, from: { clientAddress?: string | null } = {}): Promise<SignInOutput> {
      const email = normaliseEmail(input.email);
      const keys = limit.keysFor(email, from.clientAddress ?? null);
      await limit.check(keys);
      const result = await store.transaction(async (repos) => {
        const candidates = (await repos.users.findByEmail(email)).filter((u) => u.active);
        const userId =
          candidates.length > 0 ? await repos.signInCodes.consume(candidates.map((u) => u.id), sha256(normaliseCode(input.code))) : null;
        const user = candidates.find((u) => u.id === userId);
        const org = user ? await repos.organisations.get(user.orgId) : null;
        if (!user || !org) return null;
        const token = newToken();
        const expiresAt = new Date(clock().getTime() + TOKEN_TTL_MS);
        await repos.authTokens.insert({ id: uuidv7(), userId: user.id, tokenHash: sha256(token), deviceName: input.deviceName, expiresAt });
        return { token, expiresAt: expiresAt.toISOString(), user: toMember(user), organisation: { id: org.id, name: org.name } };
      }, { userId: null, sessionId: null, device: input.deviceName, action: 'auth.signIn' });
      // Counted outside the sign-in transaction, which a failure would not commit.
      if (!result) {
        await limit.recordFailure(keys);
        throw new DomainError('UNAUTHORIZED', SIGN_IN_FAILED);
      }
      await limit.succeeded(keys);
      return result;
    },

    /** The user behind a bearer token, or null for unknown, expired, revoked or deactivated. */
    async authenticate(token: string): Promise<AuthedUser | null> {
      const hash = sha256(token);
      const session = await store.repos.authTokens.findActiveSession(hash);
      if (!session) return null;
      const { user } = session;
      if (session.stale) await store.repos.authTokens.touch(hash);
      return { ...toMember(user), orgId: user.orgId, scopeVersion: user.scopeVersion, sessionId: session.sessionId, device: session.device };
    },

    async signOut(user: AuthedUser, token: string): Promise<void> {
      await store.transaction((repos) => repos.authTokens.revoke(sha256(token)), actorOf(user, 'auth.signOut'));
    },

    async organisationOf(user: AuthedUser) {
      const org = await store.repos.organisations.get(user.orgId);
      if (!org) throw new DomainError('UNAUTHORIZED', 'organisation no longer exists');
      return { id: org.id, name: org.name };
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;

export function toMember(user: UserRow): Member {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    departmentId: user.departmentId,
    active: user.active,
  };
}

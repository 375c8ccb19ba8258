import { expect } from 'vitest';
import type { Role } from '../../../shared/schemas/member';
import type { Services } from '../../../server/domain/services';
import { appRouter } from '../../../server/trpc/app-router';
import { createContext } from '../../../server/trpc/context';
import { createCallerFactory } from '../../../server/trpc/init';

const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;

/** A caller as one HTTP request would get it: the context is built from the header each time. */
export async function callerFor(services: Services, token: string | null, clientAddress: string | null = null): Promise<Caller> {
  return createCaller(await createContext(services, token === null ? undefined : `Bearer ${token}`, undefined, clientAddress));
}

export type Actor = {
  orgId: string;
  userId: string;
  email: string;
  token: string;
  /** A fresh caller per call, so revocations and deactivations take effect like on HTTP. */
  api(): Promise<Caller>;
};

/** A new organisation with a signed-in admin. */
export async function signedInAdmin(services: Services, orgName = 'Org A', email = 'admin@a.example'): Promise<Actor> {
  const created = await services.auth.createOrganisation({ name: orgName, adminEmail: email, adminName: 'Admin' });
  return signIn(services, created.email, created.code);
}

/** A second user in the admin's organisation, invited through the API and signed in. */
export async function invitedUser(services: Services, admin: Actor, email: string, role: Role = 'sales_rep', departmentId: string | null = null) {
  const { code } = await (await admin.api()).users.invite({ email, displayName: email.split('@')[0]!, role, departmentId });
  return signIn(services, email, code);
}

export async function signIn(services: Services, email: string, code: string): Promise<Actor> {
  const out = await (await callerFor(services, null)).auth.signIn({ email, code, deviceName: 'test' });
  expect(out.token).toBeTruthy();
  return {
    orgId: out.organisation.id,
    userId: out.user.id,
    email: out.user.email,
    token: out.token,
    api: () => callerFor(services, out.token),
  };
}

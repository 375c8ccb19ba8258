import { defaultTimeZone } from './domain/default-time-zone';
import type { Services } from './domain/services';

export type BootstrapInfo =
  | { created: false }
  | { created: true; orgId: string; userId: string; email: string; code: string };

/**
 * First start: an empty database gets an organisation and an admin with a one-time sign-in code
 * (never a default password). Later starts leave everything alone, and so does a process that
 * started at the same instant as the one that created it (auth-service createFirstOrganisation).
 */
export async function bootstrapFirstOrganisation(
  services: Services,
  env: { orgName?: string | undefined; adminEmail?: string | undefined; timeZone?: string | undefined },
): Promise<BootstrapInfo> {
  const created = await services.auth.createFirstOrganisation({
    name: env.orgName || 'My company',
    adminEmail: env.adminEmail || 'admin@example.com',
    adminName: 'Admin',
    timeZone: defaultTimeZone(env.timeZone),
  });
  return created ? { created: true, ...created } : { created: false };
}

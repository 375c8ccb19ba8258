import { defaultTimeZone } from './domain/default-time-zone';
import type { Services } from './domain/services';

export type BootstrapInfo =
  | { created: false }
  | { created: true; orgId: string; userId: string; email: string; code: string };

/**
 * First start: an empty database gets an organisation and an admin with a one-time sign-in code
 * (never a default password). Later starts leave everything alone.
 */
export async function bootstrapFirstOrganisation(
  services: Services,
  env: { orgName?: string | undefined; adminEmail?: string | undefined; timeZone?: string | undefined },
): Promise<BootstrapInfo> {
  if (await services.auth.hasAnyOrganisation()) return { created: false };
  const created = await services.auth.createOrganisation({
    name: env.orgName || 'My company',
    adminEmail: env.adminEmail || 'admin@example.com',
    adminName: 'Admin',
    timeZone: defaultTimeZone(env.timeZone),
  });
  return { created: true, ...created };
}

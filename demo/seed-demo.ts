import { v7 as uuidv7 } from 'uuid';
import type { AuthedUser } from '../server/domain/auth-service';
import type { Services } from '../server/domain/services';
import type { MutationInput } from '../shared/schemas/sync';
import { mutationSchema } from '../shared/schemas/sync';
import { DEMO_CUSTOMERS } from './demo-data';

/**
 * A session of the admin for the demo's own seeding, signed in with a one-time code like any
 * device, so its writes are checked and attributed (audit trail) like the admin's own.
 */
export async function signInForSeeding(services: Services, email: string, code: string): Promise<{ user: AuthedUser; token: string }> {
  const { token } = await services.auth.signIn({ email, code, deviceName: 'demo seed' });
  const user = await services.auth.authenticate(token);
  if (!user) throw new Error('the seeding session was refused');
  return { user, token };
}

/** The demo customers and contacts, written as the admin's own pushed mutations. */
export async function seedDemoCustomers(services: Services, admin: AuthedUser): Promise<void> {
  const mutations: MutationInput[] = [];
  for (const c of DEMO_CUSTOMERS) {
    const customerId = uuidv7();
    mutations.push({
      id: uuidv7(),
      baseVersion: null,
      kind: 'customer.create',
      payload: { id: customerId, name: c.name, code: c.code, customerClass: c.customerClass, emailDomains: c.emailDomains, ownerUserId: admin.id },
    });
    for (const contact of c.contacts) {
      mutations.push({
        id: uuidv7(),
        baseVersion: null,
        kind: 'contact.create',
        payload: { id: uuidv7(), customerId, name: contact.name, title: contact.title, emails: [contact.email] },
      });
    }
  }
  const { results } = await services.sync.push(admin, mutations.map((m) => mutationSchema.parse(m)));
  const refused = results.filter((r) => r.status !== 'applied');
  if (refused.length > 0) throw new Error(`demo seed refused: ${JSON.stringify(refused)}`);
}

/**
 * Connects one of the admin's accounts the way the options page does, walked in-process: the
 * one-time start URL, the fake provider's automatic approval, the callback.
 */
export async function connectDemoAccount(services: Services, admin: AuthedUser, provider: 'google' | 'microsoft'): Promise<string> {
  const { url } = await services.ingestion.oauth.startUrl(admin, provider);
  const consent = await services.ingestion.oauth.redirectFor(new URL(url).pathname.split('/').pop()!);
  if (!consent) throw new Error('the connect link was refused');
  const approved = await fetch(consent, { redirect: 'manual' });
  const callback = new URL(approved.headers.get('location') ?? '');
  const result = await services.ingestion.oauth.callback(callback.searchParams, AbortSignal.timeout(30_000));
  if (!result.ok) throw new Error(result.reason);
  return result.address;
}

import type { Services } from '../../../server/domain/services';
import { invitedUser, signedInAdmin, type Actor } from './actors';

/**
 * An organisation with two departments and one person of every role (DOMAIN.md "People and
 * permissions"): the East manager and two East reps, a West rep, an account manager, a support
 * lead, and the admin.
 */
export async function orgWorld(services: Services, orgName = 'Org A', domain = 'a.example') {
  const admin = await signedInAdmin(services, orgName, `admin@${domain}`);
  const api = await admin.api();
  const east = (await api.departments.create({ name: '华东销售部' })).id;
  const west = (await api.departments.create({ name: 'West sales' })).id;
  const join = (name: string, role: Parameters<typeof invitedUser>[3], department: string | null = null) =>
    invitedUser(services, admin, `${name}@${domain}`, role, department);
  const people = {
    admin,
    eastManager: await join('east.manager', 'manager', east),
    eastRep: await join('east.rep', 'sales_rep', east),
    eastRep2: await join('east.rep2', 'sales_rep', east),
    westRep: await join('west.rep', 'sales_rep', west),
    accountManager: await join('account.manager', 'account_manager', west),
    supportLead: await join('support.lead', 'support_lead'),
  } satisfies Record<string, Actor>;
  return { ...people, departments: { east, west } };
}
export type OrgWorld = Awaited<ReturnType<typeof orgWorld>>;
export type PersonName = Exclude<keyof OrgWorld, 'departments'>;

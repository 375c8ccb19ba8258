import { normaliseEmail } from '../../shared/domain/email';
import type { SideLookups } from '../../shared/domain/thread-reply';
import type { Repositories } from '../storage/repositories/index';

/**
 * The shared "which side wrote this" rule's lookups on SQL: the organisation's people and the
 * mailbox the mail was read from are ours; the customer side is found by the sidebar's own
 * matching rule (contact address, else company domain). Members are read once per call.
 */
export async function serverSideLookups(repos: Repositories, orgId: string, mailbox: string | null): Promise<SideLookups> {
  const ours = new Set((await repos.users.emailsInOrg(orgId)).map(normaliseEmail));
  if (mailbox) ours.add(normaliseEmail(mailbox));
  return {
    isOurAddress: (address) => ours.has(normaliseEmail(address)),
    contactsByEmailKey: (key) => repos.contacts.listByEmailKey(orgId, key),
    customerIdsByDomain: (domain) => repos.customers.listIdsByDomain(orgId, domain),
  };
}

import { domainOf, matchKeyOf } from './email';
import { isFreeMailDomain } from './free-mail-domains';

/**
 * How a mail participant is tied to a customer (DOMAIN.md, issue 3 "Matching"): first a contact
 * holding the address, else the customer owning the address's domain, never by a free-mail
 * domain. The lookups are passed in so the same rule runs on Dexie and on SQL.
 */
export type MatchReason = { kind: 'contact'; contactId: string } | { kind: 'domain'; domain: string };
export type CustomerMatch = { customerId: string; reason: MatchReason };

export type MatchLookups = {
  /** Contacts holding an address with this match key (shared/domain/email matchKeyOf). */
  contactsByEmailKey(key: string): Promise<{ id: string; customerId: string }[]>;
  customerIdsByDomain(domain: string): Promise<string[]>;
};

export async function matchCustomers(address: string, lookups: MatchLookups): Promise<CustomerMatch[]> {
  const contacts = await lookups.contactsByEmailKey(matchKeyOf(address));
  if (contacts.length > 0) {
    return contacts.map((c) => ({ customerId: c.customerId, reason: { kind: 'contact', contactId: c.id } }));
  }
  const domain = domainOf(address);
  if (!domain || isFreeMailDomain(domain)) return [];
  const customerIds = await lookups.customerIdsByDomain(domain);
  return customerIds.map((customerId) => ({ customerId, reason: { kind: 'domain', domain } }));
}

/** The domain a new customer created from this sender should own, or none for free mail. */
export function companyDomainOf(address: string): string | null {
  const domain = domainOf(address);
  return domain && !isFreeMailDomain(domain) ? domain : null;
}

import providers from './mail-providers.json';

/** Public mailbox providers, from mail-providers.json (data, not code). */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set(providers.freeMailDomains);

export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL_DOMAINS.has(domain.toLowerCase());
}

type AddressRule = { plusTags: boolean; ignoreDots: boolean; sameAs?: string };
const rules: Record<string, AddressRule> = providers.addressRules;

/** How a domain's provider delivers variants of one mailbox (mail-providers.json). */
export function addressRuleOf(domain: string): AddressRule {
  return rules[domain] ?? providers.defaultRule;
}

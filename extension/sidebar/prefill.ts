import { companyDomainOf } from '../../shared/domain/customer-match';
import type { Participant } from '../../shared/schemas/host-context';

// Second-level labels under country codes (acme.co.uk, steel.com.cn): the company is one further left.
const GENERIC_SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'edu', 'ac', 'or', 'ne', 'go']);

/** "newco-trading.example" → "Newco Trading"; non-ASCII labels are kept as written. */
export function companyNameFromDomain(domain: string): string {
  const labels = domain.split('.').filter(Boolean);
  let index = labels.length - 2;
  if (index > 0 && GENERIC_SECOND_LEVEL.has(labels[index]!) && labels[labels.length - 1]!.length === 2) index -= 1;
  const label = labels[Math.max(0, index)] ?? domain;
  return label
    .split(/[-_]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/** The create form's starting values: the company from a company domain, else the person. */
export function prefillFor(sender: Participant): { customerName: string; contactName: string } {
  const domain = companyDomainOf(sender.email);
  return {
    customerName: domain ? companyNameFromDomain(domain) : sender.name,
    contactName: sender.name,
  };
}

import { matchCustomers, type MatchReason } from '../../../shared/domain/customer-match';
import { normaliseEmail } from '../../../shared/domain/email';
import type { Contact } from '../../../shared/schemas/contact';
import type { Customer } from '../../../shared/schemas/customer';
import type { Participant } from '../../../shared/schemas/host-context';
import type { LocalDb } from '../db';

export type ContextMatch =
  | { kind: 'matched'; customer: Customer; contact: Contact | null; reason: MatchReason }
  | { kind: 'unknown'; sender: Participant };

/**
 * The shared matching rule over the Dexie multi-entry indexes: contact email → customer, else
 * sender domain → customer, never a free-mail domain (shared/domain/customer-match).
 */
export async function matchSender(db: LocalDb, sender: Participant): Promise<ContextMatch> {
  const matches = await matchCustomers(sender.email, {
    contactsByEmail: async (email) => db.contacts.where('emails').equals(email).toArray(),
    customerIdsByDomain: async (domain) =>
      (await db.customers.where('emailDomains').equals(domain).primaryKeys()) as string[],
  });
  const customers = await db.customers.bulkGet(matches.map((m) => m.customerId));
  // Several matches are possible (two customers share a domain); show the first by name, stably.
  const found = matches
    .map((match, i) => ({ match, customer: customers[i] }))
    .filter((x): x is { match: (typeof matches)[number]; customer: Customer } => x.customer !== undefined)
    .sort((a, b) => a.customer.name.localeCompare(b.customer.name) || a.customer.id.localeCompare(b.customer.id));
  const best = found[0];
  if (!best) return { kind: 'unknown', sender };
  const contact =
    best.match.reason.kind === 'contact'
      ? ((await db.contacts.get(best.match.reason.contactId)) ?? null)
      : await contactOf(db, best.customer.id, sender.email);
  return { kind: 'matched', customer: best.customer, contact, reason: best.match.reason };
}

async function contactOf(db: LocalDb, customerId: string, email: string): Promise<Contact | null> {
  const address = normaliseEmail(email);
  const contacts = await db.contacts.where('customerId').equals(customerId).toArray();
  return contacts.find((c) => c.emails.includes(address)) ?? null;
}

import { matchCustomers, type MatchReason } from '../../../shared/domain/customer-match';
import { matchKeyOf } from '../../../shared/domain/email';
import type { Participant } from '../../../shared/schemas/host-context';
import type { LocalDb } from '../db';
import type { LocalContact, LocalCustomer } from '../local-rows';
import { replicaMatchLookups } from './replica-lookups';

export type MatchCandidate = { customer: LocalCustomer; reason: MatchReason };

export type ContextMatch =
  | {
      kind: 'matched';
      customer: LocalCustomer;
      contact: LocalContact | null;
      reason: MatchReason;
      /** Every customer the address matches (more than one: the user may switch). */
      candidates: MatchCandidate[];
      /** True when the user picked this customer for the address earlier. */
      chosen: boolean;
    }
  /** Several customers match and the user has not picked one for this address yet. */
  | { kind: 'ambiguous'; sender: Participant; candidates: MatchCandidate[] }
  | { kind: 'unknown'; sender: Participant };

/**
 * The shared matching rule over the Dexie multi-entry indexes: contact address (by match key)
 * → customer, else sender domain → customer, never a free-mail domain (shared/domain/customer-match).
 * When several customers match, the user's remembered choice for the address decides.
 */
export async function matchSender(db: LocalDb, sender: Participant): Promise<ContextMatch> {
  const matches = await matchCustomers(sender.email, replicaMatchLookups(db));
  const customers = await db.customers.bulkGet(matches.map((m) => m.customerId));
  const byCustomer = new Map<string, MatchCandidate>();
  matches.forEach((match, i) => {
    const customer = customers[i];
    if (customer && !byCustomer.has(customer.id)) byCustomer.set(customer.id, { customer, reason: match.reason });
  });
  // Stable order for the picker: by name, then id.
  const candidates = [...byCustomer.values()].sort(
    (a, b) => a.customer.name.localeCompare(b.customer.name) || a.customer.id.localeCompare(b.customer.id),
  );
  if (candidates.length === 0) return { kind: 'unknown', sender };
  const addressKey = matchKeyOf(sender.email);
  const choice = candidates.length > 1 ? await db.matchChoices.where('addressKey').equals(addressKey).first() : undefined;
  const picked = choice ? candidates.find((c) => c.customer.id === choice.customerId) : candidates[0];
  // A remembered choice for a customer that no longer matches counts as no choice.
  if (!picked || (candidates.length > 1 && !choice)) return { kind: 'ambiguous', sender, candidates };
  const contact =
    picked.reason.kind === 'contact'
      ? ((await db.contacts.get(picked.reason.contactId)) ?? null)
      : await contactOf(db, picked.customer.id, addressKey);
  return { kind: 'matched', customer: picked.customer, contact, reason: picked.reason, candidates, chosen: !!choice };
}

async function contactOf(db: LocalDb, customerId: string, addressKey: string): Promise<LocalContact | null> {
  const contacts = await db.contacts.where('emailKeys').equals(addressKey).toArray();
  return contacts.find((c) => c.customerId === customerId) ?? null;
}

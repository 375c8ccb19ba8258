import { v7 as uuidv7 } from 'uuid';
import { matchCustomers, type CustomerMatch } from '../../shared/domain/customer-match';
import { domainOf, matchKeyOf } from '../../shared/domain/email';
import { isFreeMailDomain } from '../../shared/domain/free-mail-domains';
import type { ImportedItem } from '../storage/repositories/imported-items';
import type { Repositories } from '../storage/repositories/index';
import type { NeverLogRow } from '../storage/repositories/never-log';
import type { IngestedEvent, IngestedMessage, MailAddress } from './provider';

/** Who counts as "us" and what is never logged, loaded once per channel run. */
export type OrgContext = {
  internalKeys: Set<string>;
  internalDomains: Set<string>;
  neverLogKeys: Set<string>;
  neverLogDomains: Set<string>;
};

/** The matching data of one page (contacts and customers of every external participant). */
export type PageLookups = {
  contactsByKey: Map<string, { id: string; customerId: string }[]>;
  customersByDomain: Map<string, string[]>;
  choices: Map<string, string>;
};

export function orgContextOf(orgAddresses: string[], neverLog: NeverLogRow[]): OrgContext {
  const internalDomains = new Set<string>();
  for (const address of orgAddresses) {
    const domain = domainOf(address);
    // A colleague on gmail.com makes that one address internal, never all of gmail.com.
    if (domain && !isFreeMailDomain(domain)) internalDomains.add(domain);
  }
  return {
    internalKeys: new Set(orgAddresses.map(matchKeyOf)),
    internalDomains,
    neverLogKeys: new Set(neverLog.filter((e) => e.kind === 'address').map((e) => matchKeyOf(e.value))),
    neverLogDomains: new Set(neverLog.filter((e) => e.kind === 'domain').map((e) => e.value)),
  };
}

const isInternal = (org: OrgContext, address: string) =>
  org.internalKeys.has(matchKeyOf(address)) || org.internalDomains.has(domainOf(address) ?? '');

export const isNeverLogged = (org: OrgContext, addresses: readonly string[]) =>
  addresses.some((a) => org.neverLogKeys.has(matchKeyOf(a)) || org.neverLogDomains.has(domainOf(a) ?? ''));

/** Every external address of a page, for one batched lookup. */
export function externalAddresses(org: OrgContext, parties: MailAddress[]): string[] {
  return [...new Set(parties.map((p) => p.address).filter((a) => !isInternal(org, a)))];
}

export async function loadPageLookups(repos: Repositories, orgId: string, userId: string, addresses: string[]): Promise<PageLookups> {
  const keys = [...new Set(addresses.map(matchKeyOf))];
  const domains = [...new Set(addresses.map((a) => domainOf(a)).filter((d): d is string => d !== null && !isFreeMailDomain(d)))];
  // One after another: `repos` is a transaction's (store-page.ts), and a transaction is one
  // connection, which runs one query at a time anyway.
  const contacts = await repos.linkLookups.contactsByEmailKeys(orgId, keys);
  const customers = await repos.linkLookups.customersByDomains(orgId, domains);
  const choices = await repos.linkLookups.matchChoices(userId, keys);
  const contactsByKey = new Map<string, { id: string; customerId: string }[]>();
  for (const c of contacts) for (const k of c.emailKeys) contactsByKey.set(k, [...(contactsByKey.get(k) ?? []), { id: c.id, customerId: c.customerId }]);
  const customersByDomain = new Map<string, string[]>();
  for (const c of customers) for (const d of c.emailDomains) customersByDomain.set(d, [...(customersByDomain.get(d) ?? []), c.id]);
  return { contactsByKey, customersByDomain, choices };
}

/**
 * The customer of a conversation: the first external participant (in `ordered` order) that
 * matches by the sidebar's rules; among several matches, the mailbox owner's remembered pick,
 * else contacts before domains, then the lowest id (stable across runs and mailboxes).
 */
async function resolve(lookups: PageLookups, ordered: string[]): Promise<{ customerId: string; contactIds: string[] } | null> {
  const rule = {
    contactsByEmailKey: async (key: string) => lookups.contactsByKey.get(key) ?? [],
    customerIdsByDomain: async (domain: string) => lookups.customersByDomain.get(domain) ?? [],
  };
  let chosen: string | null = null;
  const matchesOf = new Map<string, CustomerMatch[]>();
  for (const address of ordered) {
    const matches = await matchCustomers(address, rule);
    matchesOf.set(address, matches);
    if (chosen || matches.length === 0) continue;
    const picked = lookups.choices.get(matchKeyOf(address));
    chosen = matches.some((m) => m.customerId === picked) ? picked! : [...matches.map((m) => m.customerId)].sort()[0]!;
  }
  if (!chosen) return null;
  const contactIds = new Set<string>();
  for (const matches of matchesOf.values()) {
    for (const m of matches) if (m.customerId === chosen && m.reason.kind === 'contact') contactIds.add(m.reason.contactId);
  }
  return { customerId: chosen, contactIds: [...contactIds].sort() };
}

function uniqueParties(parties: (MailAddress | null)[]): MailAddress[] {
  const seen = new Set<string>();
  return parties.filter((p): p is MailAddress => p !== null && !seen.has(p.address) && Boolean(seen.add(p.address)));
}

const participantKeysOf = (parties: MailAddress[]) => ({
  participantKeys: [...new Set(parties.map((p) => matchKeyOf(p.address)))],
  participantDomains: [...new Set(parties.map((p) => domainOf(p.address)).filter((d): d is string => d !== null))],
});

/**
 * A message → the item to store, or null: skipped labels, never-logged participants, only
 * internal participants, or no customer among them. The counterpart comes first: the sender of
 * inbound mail, the recipients of outbound mail.
 */
export async function linkMessage(org: OrgContext, lookups: PageLookups, scope: { provider: string; accountId: string }, m: IngestedMessage): Promise<ImportedItem | null> {
  if (m.skip) return null;
  const parties = uniqueParties([m.from, ...m.to, ...m.cc]);
  if (isNeverLogged(org, parties.map((p) => p.address))) return null;
  const outbound = m.sentByMailbox || (m.from !== null && isInternal(org, m.from.address));
  const ordered = uniqueParties(outbound ? [...m.to, ...m.cc, m.from] : [m.from, ...m.to, ...m.cc])
    .map((p) => p.address)
    .filter((a) => !isInternal(org, a));
  if (ordered.length === 0) return null;
  const link = await resolve(lookups, ordered);
  if (!link) return null;
  const summary = m.subject || m.bodyText.split('\n').find((l) => l.trim() !== '')?.slice(0, 140) || '';
  return {
    id: uuidv7(),
    dedupeKey: m.messageId ? `mid:${m.messageId}` : `${scope.provider}:${scope.accountId}:${m.providerId}`,
    providerItemId: m.providerId,
    kind: 'email',
    ...link,
    occurredAt: m.sentAt,
    summary,
    subject: m.subject,
    direction: outbound ? 'outbound' : 'inbound',
    messageId: m.messageId,
    threadRef: m.threadRef,
    inReplyTo: m.inReplyTo,
    referenceIds: m.references,
    fromAddress: m.from?.address ?? null,
    participants: parties,
    ...participantKeysOf(parties),
    endsAt: null,
    location: null,
    body: m.bodyText,
  };
}

/** A meeting lands on the customer of its first external attendee (or organizer). */
export async function linkEvent(org: OrgContext, lookups: PageLookups, scope: { provider: string; accountId: string }, e: IngestedEvent): Promise<ImportedItem | null> {
  const parties = uniqueParties([e.organizer, ...e.attendees.map(({ address, name }) => ({ address, name }))]);
  if (isNeverLogged(org, parties.map((p) => p.address))) return null;
  const ordered = parties.map((p) => p.address).filter((a) => !isInternal(org, a));
  if (ordered.length === 0) return null;
  const link = await resolve(lookups, ordered);
  if (!link) return null;
  // The same meeting in two calendars (organiser and attendee) is one item: iCalUID + occurrence.
  const dedupeKey = e.icalUid ? `ical:${e.icalUid}:${e.instanceKey ?? ''}` : `${scope.provider}:${scope.accountId}:${e.providerId}`;
  return {
    id: uuidv7(),
    dedupeKey,
    providerItemId: e.providerId,
    kind: 'meeting',
    ...link,
    occurredAt: e.start,
    summary: e.subject,
    subject: e.subject,
    direction: null,
    messageId: null,
    threadRef: e.providerId,
    inReplyTo: null,
    referenceIds: [],
    fromAddress: e.organizer?.address ?? null,
    participants: parties,
    ...participantKeysOf(parties),
    endsAt: e.end,
    location: e.location,
    body: e.description,
  };
}

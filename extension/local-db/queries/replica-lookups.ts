import type { MatchLookups } from '../../../shared/domain/customer-match';
import { normaliseEmail } from '../../../shared/domain/email';
import type { SideLookups } from '../../../shared/domain/thread-reply';
import type { LocalDb } from '../db';

/** The shared matching rule's lookups over the replica's multi-entry indexes. */
export function replicaMatchLookups(db: LocalDb): MatchLookups {
  return {
    contactsByEmailKey: async (key) => db.contacts.where('emailKeys').equals(key).toArray(),
    customerIdsByDomain: async (domain) => (await db.customers.where('emailDomains').equals(domain).primaryKeys()) as string[],
  };
}

/**
 * Matching plus "is this one of us": the signed-in mailbox or any member of the organisation
 * (shared/domain/thread-reply). Members are read once per call; there are few.
 */
export async function replicaSideLookups(db: LocalDb, account: string | null): Promise<SideLookups> {
  const ours = new Set((await db.members.toArray()).map((m) => normaliseEmail(m.email)));
  if (account) ours.add(normaliseEmail(account));
  return { ...replicaMatchLookups(db), isOurAddress: (address) => ours.has(normaliseEmail(address)) };
}

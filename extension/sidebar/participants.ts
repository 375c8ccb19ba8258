import { companyDomainOf } from '../../shared/domain/customer-match';
import { matchKeyOf } from '../../shared/domain/email';
import type { Contact } from '../../shared/schemas/contact';
import type { Participant } from '../../shared/schemas/host-context';

/**
 * The people in the thread who could be added as contacts of the shown customer: not the user,
 * not a colleague (the user's own company domain), not already one of its contacts (compared by
 * match key, so `Ann+x@Acme.com` is `ann@acme.com`), each person once.
 */
export function addableParticipants(
  participants: readonly Participant[],
  contacts: readonly Pick<Contact, 'emails'>[],
  me: readonly (string | null | undefined)[],
): Participant[] {
  const mine = me.filter((a): a is string => Boolean(a));
  const ownDomains = new Set(mine.map(companyDomainOf).filter((d): d is string => d !== null));
  const seen = new Set([...mine.map(matchKeyOf), ...contacts.flatMap((c) => c.emails.map(matchKeyOf))]);
  const result: Participant[] = [];
  for (const participant of participants) {
    const key = matchKeyOf(participant.email);
    const domain = companyDomainOf(participant.email);
    if (seen.has(key) || (domain && ownDomains.has(domain))) continue;
    seen.add(key);
    result.push(participant);
  }
  return result;
}

/** The name a contact made from a mail participant gets: the display name, else the mailbox. */
export function contactNameOf(participant: Participant): string {
  return participant.name.trim() || participant.email.slice(0, participant.email.lastIndexOf('@')) || participant.email;
}

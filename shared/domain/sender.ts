import type { Participant } from '../schemas/host-context';
import { companyDomainOf } from './customer-match';
import { normaliseEmail } from './email';

/**
 * The participant the sidebar should be about: the customer side of the conversation. That is the
 * most recent sender who is neither the signed-in user nor a colleague (an address at the user's
 * own company domain; free-mail domains name no company), else the first such recipient (a thread
 * the user or a colleague started). null when only the user and colleagues are in it.
 */
export function pickCounterpart(participants: Participant[], account: string | null): Participant | null {
  const inside = ownSide(account);
  const outside = participants.filter((p) => !inside(p.email));
  return outside.filter((p) => p.role === 'from').at(-1) ?? outside[0] ?? null;
}

/** Tells the user's own address and colleagues' (the user's company domain; free mail is no company). */
export function ownSide(account: string | null): (address: string) => boolean {
  const me = account ? normaliseEmail(account) : null;
  const ownDomain = me ? companyDomainOf(me) : null;
  return (address) => normaliseEmail(address) === me || (ownDomain !== null && companyDomainOf(address) === ownDomain);
}

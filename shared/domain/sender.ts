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
  const me = account ? normaliseEmail(account) : null;
  const ownDomain = me ? companyDomainOf(me) : null;
  const outside = participants.filter(
    (p) => normaliseEmail(p.email) !== me && (ownDomain === null || companyDomainOf(p.email) !== ownDomain),
  );
  return outside.filter((p) => p.role === 'from').at(-1) ?? outside[0] ?? null;
}

import type { Participant } from '../schemas/host-context';
import { normaliseEmail } from './email';

/**
 * The participant the sidebar should be about: the most recent sender who is not the signed-in
 * user, else the first recipient who is not the user (a thread the user started).
 */
export function pickCounterpart(participants: Participant[], account: string | null): Participant | null {
  const me = account ? normaliseEmail(account) : null;
  const others = participants.filter((p) => normaliseEmail(p.email) !== me);
  const senders = others.filter((p) => p.role === 'from');
  return senders.at(-1) ?? others[0] ?? null;
}

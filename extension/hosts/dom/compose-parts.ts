import type { Host, Participant, UnstampedContext } from '../../../shared/schemas/host-context';
import { participantSchema } from '../../../shared/schemas/host-context';
import { normaliseEmail } from '../../../shared/domain/email';
import { pickCounterpart } from '../../../shared/domain/sender';
import { messagesOf, type RawMessage, type RawPerson } from './thread-parts';

/** A compose window as a reader takes it from the DOM, before validation. */
export type RawRecipient = RawPerson & { role: 'to' | 'cc' | 'bcc' };
export type RawCompose = { recipients: RawRecipient[]; subject: string; threadId: string | null };

const MAX_RECIPIENTS = 500;

/** Recipients with a usable address, each (role, address) once, in the order written. */
function recipientsOf(raw: readonly RawRecipient[]): Participant[] {
  const byKey = new Map<string, Participant>();
  for (const person of raw) {
    const parsed = participantSchema.safeParse({ email: normaliseEmail(person.email), name: person.name || person.email, role: person.role });
    if (parsed.success && !byKey.has(`${person.role} ${parsed.data.email}`)) byKey.set(`${person.role} ${parsed.data.email}`, parsed.data);
  }
  return [...byKey.values()].slice(0, MAX_RECIPIENTS);
}

/**
 * The compose context of any host: the recipient the sidebar is about is the first one who is
 * neither the user nor a colleague (pickCounterpart: no sender in a compose). `thread` is the
 * thread being replied to when it is on screen.
 */
export function composeContextOf(
  host: Host,
  href: string,
  compose: RawCompose,
  thread: { threadId: string | null; messages: RawMessage[] } | null,
  account: string | null,
): UnstampedContext {
  const recipients = recipientsOf(compose.recipients);
  return {
    host,
    kind: 'compose',
    url: href,
    threadId: compose.threadId ?? thread?.threadId ?? null,
    subject: compose.subject,
    recipient: pickCounterpart(recipients, account),
    recipients,
    messages: thread ? messagesOf(thread.messages) : [],
    account,
  };
}

import type { Host, Participant, ThreadMessage, UnstampedContext } from '../../../shared/schemas/host-context';
import { participantSchema, threadMessageSchema } from '../../../shared/schemas/host-context';
import { normaliseEmail } from '../../../shared/domain/email';
import { pickCounterpart } from '../../../shared/domain/sender';

/** What a reader takes from the DOM, before validation: the same for every mail host. */
export type RawPerson = { email: string; name: string };
/** id: the host's message id; null for a draft or a block without one. from: null = no address shown. */
export type RawMessage = { id: string | null; from: RawPerson | null; to: RawPerson[]; cc?: RawPerson[] };

/** Mail hosts show at most a few hundred people or messages in a thread; the schema bounds both lists there. */
const MAX_LISTED = 500;

/**
 * Keeps the last occurrence of each (email, role), so the latest sender stays last
 * (pickCounterpart). A participant whose address is not usable is left out rather than making
 * the whole thread unreadable. Over the bound, senders are kept first (a mail copied to thousands
 * must still show who wrote it), then the newest recipients; the order stays as read.
 */
export function participantsOf(messages: readonly RawMessage[]): Participant[] {
  const byKey = new Map<string, Participant>();
  const add = (person: RawPerson, role: Participant['role']): void => {
    const parsed = participantSchema.safeParse({ email: normaliseEmail(person.email), name: person.name || person.email, role });
    if (!parsed.success) return;
    const key = `${role} ${parsed.data.email}`;
    byKey.delete(key);
    byKey.set(key, parsed.data);
  };
  for (const message of messages) {
    if (message.from) add(message.from, 'from');
    for (const person of message.to) add(person, 'to');
    for (const person of message.cc ?? []) add(person, 'cc');
  }
  const all = [...byKey.values()];
  if (all.length <= MAX_LISTED) return all;
  const keep = new Set(all.filter((p) => p.role === 'from').slice(-MAX_LISTED));
  for (let i = all.length - 1; i >= 0 && keep.size < MAX_LISTED; i--) keep.add(all[i]!);
  return all.filter((p) => keep.has(p));
}

/** Messages with an id and a usable sender address, oldest first, newest kept over the bound. */
export function messagesOf(messages: readonly RawMessage[]): ThreadMessage[] {
  const listed: ThreadMessage[] = [];
  for (const message of messages) {
    if (!message.id || !message.from) continue;
    const parsed = threadMessageSchema.safeParse({ id: message.id, from: normaliseEmail(message.from.email) });
    if (parsed.success) listed.push(parsed.data);
  }
  return listed.slice(-MAX_LISTED);
}

/** The thread context of any mail host, from what its reader took from the DOM. */
export function threadContextOf(
  host: Host,
  href: string,
  thread: { threadId: string; subject: string; messages: readonly RawMessage[] },
  account: string | null,
): UnstampedContext {
  const participants = participantsOf(thread.messages);
  return {
    host,
    kind: 'thread',
    url: href,
    threadId: thread.threadId,
    subject: thread.subject,
    sender: pickCounterpart(participants, account),
    participants,
    messages: messagesOf(thread.messages),
    account,
  };
}

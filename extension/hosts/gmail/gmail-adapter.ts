import type { Participant, ThreadMessage, UnstampedContext } from '../../../shared/schemas/host-context';
import { participantSchema, threadMessageSchema } from '../../../shared/schemas/host-context';
import { normaliseEmail } from '../../../shared/domain/email';
import { pickCounterpart } from '../../../shared/domain/sender';
import { parseGmailUrl } from './gmail-url';
import { legacyIdOfUrlThreadId } from './gmail-url-id';
import { readSafely, type ReadResult } from '../dom/read-safely';
import { readAccount, readThread, GmailReadError } from './read-thread';

/** Gmail shows at most a few hundred people or messages in a thread; the schema bounds both lists there. */
const MAX_LISTED = 500;

/**
 * Keeps the last occurrence of each (email, role), so the latest sender stays last
 * (pickCounterpart). A participant whose address is not usable is left out rather than making
 * the whole thread unreadable; the newest are kept when a thread has more than the bound.
 */
function participantsOf(thread: ReturnType<typeof readThread>): Participant[] {
  const byKey = new Map<string, Participant>();
  const add = (email: string, name: string, role: Participant['role']): void => {
    const parsed = participantSchema.safeParse({ email: normaliseEmail(email), name: name || email, role });
    if (!parsed.success) return;
    const key = `${role} ${parsed.data.email}`;
    byKey.delete(key);
    byKey.set(key, parsed.data);
  };
  for (const message of thread.messages) {
    add(message.from.email, message.from.name, 'from');
    for (const person of message.to) add(person.email, person.name, 'to');
  }
  return [...byKey.values()].slice(-MAX_LISTED);
}

/** Messages with an id and a usable sender address, oldest first, newest kept over the bound. */
function messagesOf(thread: ReturnType<typeof readThread>): ThreadMessage[] {
  const messages: ThreadMessage[] = [];
  for (const message of thread.messages) {
    if (!message.id) continue;
    const parsed = threadMessageSchema.safeParse({ id: message.id, from: normaliseEmail(message.from.email) });
    if (parsed.success) messages.push(parsed.data);
  }
  return messages.slice(-MAX_LISTED);
}

/**
 * Reads the page as a HostContext (without seq). Throws GmailReadError when the URL says a thread
 * is open but the DOM does not hold one we can read (house rule 3: fail loudly inside).
 */
export function readGmailContext(doc: Document, href: string): UnstampedContext {
  const view = parseGmailUrl(href);
  if (view.kind !== 'thread') return { host: 'gmail', kind: 'none', url: href };
  const thread = readThread(doc);
  // Right after a hash change Gmail may still show the previous thread's DOM; a URL id that
  // stands for another thread than the DOM's means "not rendered yet", never the old context.
  const urlId = legacyIdOfUrlThreadId(view.threadIdFromUrl);
  if (thread.threadIdFromDom && urlId && thread.threadIdFromDom !== urlId) {
    throw new GmailReadError(`the page still shows thread ${thread.threadIdFromDom}, the URL names ${urlId}`);
  }
  const threadId = thread.threadIdFromDom ?? view.threadIdFromUrl;
  const participants = participantsOf(thread);
  const accountRaw = readAccount(doc.title);
  const account = accountRaw ? normaliseEmail(accountRaw) : null;
  return {
    host: 'gmail',
    kind: 'thread',
    url: href,
    threadId,
    subject: thread.subject,
    sender: pickCounterpart(participants, account),
    participants,
    messages: messagesOf(thread),
    account,
  };
}

/** The edge: never throws; anything unreadable or invalid becomes kind 'unreadable'. */
export function readGmailContextSafely(doc: Document, href: string, seq: number): ReadResult {
  return readSafely('gmail', readGmailContext, doc, href, seq);
}

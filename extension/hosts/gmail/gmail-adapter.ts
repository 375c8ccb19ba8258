import type { UnstampedContext } from '../../../shared/schemas/host-context';
import { normaliseEmail } from '../../../shared/domain/email';
import { pickCounterpart } from '../../../shared/domain/sender';
import { parseGmailUrl } from './gmail-url';
import { legacyIdOfUrlThreadId } from './gmail-url-id';
import { readSafely, type ReadResult } from '../dom/read-safely';
import { messagesOf, participantsOf } from '../dom/thread-parts';
import { readAccount, readThread, GmailReadError } from './read-thread';

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
  const participants = participantsOf(thread.messages);
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
    messages: messagesOf(thread.messages),
    account,
  };
}

/** The edge: never throws; anything unreadable or invalid becomes kind 'unreadable'. */
export function readGmailContextSafely(doc: Document, href: string, seq: number): ReadResult {
  return readSafely('gmail', readGmailContext, doc, href, seq);
}

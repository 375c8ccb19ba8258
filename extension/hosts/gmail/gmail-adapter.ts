import type { UnstampedContext } from '../../../shared/schemas/host-context';
import { normaliseEmail } from '../../../shared/domain/email';
import { parseGmailUrl } from './gmail-url';
import { legacyIdOfUrlThreadId } from './gmail-url-id';
import { readSafely, type ReadResult } from '../dom/read-safely';
import { composeContextOf } from '../dom/compose-parts';
import { threadContextOf, type RawMessage } from '../dom/thread-parts';
import { readGmailCompose } from './read-compose';
import { GmailReadError, previewPaneThread, readAccount, readThread } from './read-thread';

/**
 * Reads the page as a HostContext (without seq). Throws GmailReadError when the page says a
 * thread is open but the DOM does not hold one we can read (house rule 3: fail loudly inside).
 *
 * A thread is open when the URL names one, or the split view's preview pane shows one (the URL
 * then names none). A compose window wins when the user works in it, or when no thread is open.
 */
export function readGmailContext(doc: Document, href: string): UnstampedContext {
  const view = parseGmailUrl(href);
  if (view.kind === 'not-mail') return { host: 'gmail', kind: 'none', url: href };
  const accountRaw = readAccount(doc.title);
  const account = accountRaw ? normaliseEmail(accountRaw) : null;
  const preview = view.kind === 'list' ? previewPaneThread(doc) : null;
  const threadOpen = view.kind === 'thread' || preview !== null;
  const compose = readGmailCompose(doc);
  if (compose && (compose.focused || !threadOpen)) {
    return composeContextOf('gmail', href, compose, threadOpen ? readThreadOrNull(doc, preview) : null, account);
  }
  if (!threadOpen) return { host: 'gmail', kind: 'none', url: href };
  const thread = readThread(doc, preview ?? undefined);
  // Right after a hash change Gmail may still show the previous thread's DOM; a URL id that
  // stands for another thread than the DOM's means "not rendered yet", never the old context.
  // With conversation view off the URL names a message of the thread shown.
  const urlId = view.kind === 'thread' ? legacyIdOfUrlThreadId(view.threadIdFromUrl) : null;
  const urlNamesShown = urlId === thread.threadIdFromDom || thread.messages.some((m) => m.id === urlId);
  if (thread.threadIdFromDom && urlId && !urlNamesShown) {
    throw new GmailReadError(`the page still shows thread ${thread.threadIdFromDom}, the URL names ${urlId}`);
  }
  const threadId = thread.threadIdFromDom ?? (view.kind === 'thread' ? view.threadIdFromUrl : null);
  if (!threadId) throw new GmailReadError('the preview pane shows a thread without an id');
  return threadContextOf('gmail', href, { threadId, subject: thread.subject, messages: thread.messages }, account);
}

/** The thread a reply is written in, when it is readable; a reply must not fail on it. */
function readThreadOrNull(doc: Document, preview: Element | null): { threadId: string | null; messages: RawMessage[] } | null {
  try {
    const thread = readThread(doc, preview ?? undefined);
    return { threadId: thread.threadIdFromDom, messages: thread.messages };
  } catch {
    return null;
  }
}

/** The edge: never throws; anything unreadable or invalid becomes kind 'unreadable'. */
export function readGmailContextSafely(doc: Document, href: string, seq: number): ReadResult {
  return readSafely('gmail', readGmailContext, doc, href, seq);
}

import type { UnstampedContext } from '../../../shared/schemas/host-context';
import { normaliseEmail } from '../../../shared/domain/email';
import { readSafely, type ReadResult } from '../dom/read-safely';
import { composeContextOf } from '../dom/compose-parts';
import { threadContextOf, type RawMessage } from '../dom/thread-parts';
import { outlookSelectors as S } from './outlook-selectors';
import { parseOutlookUrl, sameOutlookId } from './outlook-url';
import { OutlookReadError, readConversation, readOutlookAccount } from './read-conversation';
import { readOutlookCompose } from './read-compose';

/** The URL names a conversation of the list other than the one the pane shows: not rendered yet. */
function staleConversation(doc: Document, urlId: string, domId: string): boolean {
  if (sameOutlookId(urlId, domId)) return false;
  // Only a URL id that is another row's conversation proves staleness; in single-message view the
  // URL names an item (AAMk…) while the pane keeps its conversation id (AAQk…), which is fine.
  return [...doc.querySelectorAll(S.listRow)].some((row) => sameOutlookId(row.getAttribute('data-convid') ?? '', urlId));
}

/**
 * Reads Outlook on the web as a HostContext (without seq). Throws OutlookReadError when the
 * reading pane shows a conversation we cannot read, or the URL names one not rendered yet.
 */
export function readOutlookContext(doc: Document, href: string): UnstampedContext {
  const view = parseOutlookUrl(href);
  const none = { host: 'outlook', kind: 'none', url: href } as const;
  if (view.kind === 'not-mail') return none;
  const accountRaw = readOutlookAccount(doc);
  const account = accountRaw ? normaliseEmail(accountRaw) : null;
  // A compose form wins when the user works in it, or when no conversation is open.
  const compose = readOutlookCompose(doc);
  const conversationOpen = doc.querySelector(S.conversationPane) ?? doc.querySelector(S.itemPane);
  if (compose && (compose.focused || !conversationOpen)) {
    return composeContextOf('outlook', href, compose, conversationOpen ? readConversationOrNull(doc) : null, account);
  }
  if (view.kind === 'compose') throw new OutlookReadError('the URL opens a compose form but none is shown yet');
  const conversation = readConversation(doc);
  if (!conversation) {
    if (view.itemIdFromUrl) throw new OutlookReadError('the URL names an item but the reading pane shows none yet');
    return none;
  }
  const urlId = view.itemIdFromUrl;
  const domId = conversation.conversationIdFromDom;
  if (urlId && domId && staleConversation(doc, urlId, domId)) {
    throw new OutlookReadError(`the page still shows conversation ${domId}, the URL names ${urlId}`);
  }
  const threadId = domId ?? urlId;
  if (!threadId) throw new OutlookReadError('no conversation id: no data-convid and none in the URL');
  return threadContextOf('outlook', href, { threadId, subject: conversation.subject, messages: conversation.messages }, account);
}

/** The conversation a reply is written in, when it is readable; a reply must not fail on it. */
function readConversationOrNull(doc: Document): { threadId: string | null; messages: RawMessage[] } | null {
  try {
    const conversation = readConversation(doc);
    return conversation && { threadId: conversation.conversationIdFromDom, messages: conversation.messages };
  } catch {
    return null;
  }
}

/** The edge: never throws; anything unreadable or invalid becomes kind 'unreadable'. */
export function readOutlookContextSafely(doc: Document, href: string, seq: number): ReadResult {
  return readSafely('outlook', readOutlookContext, doc, href, seq);
}

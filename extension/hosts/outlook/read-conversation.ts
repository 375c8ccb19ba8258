import { cleanText, isHiddenByMarkup } from '../dom/clean-text';
import { HostReadError } from '../dom/read-safely';
import type { RawMessage } from '../dom/thread-parts';
import { oldestFirst } from './outlook-order';
import { MESSAGE_KEY, messageFieldId, outlookSelectors as S } from './outlook-selectors';
import { readPeople } from './read-people';

export class OutlookReadError extends HostReadError {
  override name = 'OutlookReadError';
}

export type RawConversation = {
  /** 'conversation': the conversation pane; 'item': one item (deep-link read view). */
  pane: 'conversation' | 'item';
  /** The pane's own data-convid, else the one selected list row's. */
  conversationIdFromDom: string | null;
  subject: string;
  /** Oldest first. */
  messages: RawMessage[];
};

/** A thread has at most a few hundred messages; a hostile page with more is read up to here. */
const MAX_MESSAGES = 500;

/** The subject without Copilot's "Summarize" button inside the heading (ASA): `title` first, then text. */
function subjectOf(heading: Element): string {
  const title = heading.getAttribute('title');
  if (title) return cleanText(title, 1000);
  let text = '';
  for (const node of heading.childNodes) if (node.nodeType === 3 || !(node as Element).matches('button, [role="button"]')) text += node.textContent ?? '';
  return cleanText(text, 1000);
}

function conversationIdOf(pane: Element, doc: Document): string | null {
  const own = cleanText(pane.getAttribute('data-convid'));
  if (own) return own;
  // Every row carries data-convid; only an unambiguous selection names the open one (DT).
  const selected = doc.querySelectorAll(S.selectedRow);
  return selected.length === 1 ? cleanText(selected[0]!.getAttribute('data-convid')) || null : null;
}

function readMessage(doc: Document, heading: Element): { message: RawMessage; date: string | null } {
  const key = MESSAGE_KEY.exec(heading.id)?.[1] ?? null;
  const field = (name: 'TO' | 'CC' | 'DATETIME') => (key ? doc.getElementById(messageFieldId(key, name)) : null);
  // "Sender on behalf of Mailbox": the last address is the mailbox the mail is from.
  const from = readPeople(heading).at(-1) ?? null;
  const message = { id: key, from, to: readPeople(field('TO')), cc: readPeople(field('CC')) };
  return { message, date: cleanText(field('DATETIME')?.textContent) || null };
}

/** The open conversation or item, or null when the reading pane shows none (promo, list only). */
export function readConversation(doc: Document): RawConversation | null {
  const conversationPane = doc.querySelector(S.conversationPane);
  const pane = conversationPane ?? doc.querySelector(S.itemPane);
  if (!pane) return null;
  const subjects = [...pane.querySelectorAll(S.subject)].filter((el) => !isHiddenByMarkup(el));
  if (subjects.length === 0) throw new OutlookReadError('no subject heading ([role=heading][id$=_SUBJECT]) in the reading pane');
  const headings = [...pane.querySelectorAll(S.messageFrom)].filter((el) => !isHiddenByMarkup(el)).slice(0, MAX_MESSAGES);
  if (headings.length === 0) throw new OutlookReadError('no message header (MSG_<key>_FROM) in the reading pane');
  const read = oldestFirst(
    headings.map((heading) => readMessage(doc, heading)),
    (m) => m.date,
  );
  return {
    pane: conversationPane ? 'conversation' : 'item',
    conversationIdFromDom: conversationIdOf(pane, doc),
    subject: subjectOf(subjects[0]!),
    messages: read.map((m) => m.message),
  };
}

const EMAIL = /[^\s<>()"'，,;:：]+@[^\s<>()"'，,;:：]+\.[^\s<>()"'，,;:：]{2,}/u;

/**
 * The signed-in mailbox: the work/school account button ("Account manager for <Name> <email>",
 * DT), else the folder tree's mailbox root whose title is the address (MV, DT). null when the
 * page does not say (then "me" cannot be told apart and the first other sender is shown).
 */
export function readOutlookAccount(doc: Document): string | null {
  const button = doc.querySelector(S.accountButton)?.getAttribute('aria-label');
  const fromButton = button ? EMAIL.exec(button)?.[0] : undefined;
  if (fromButton) return fromButton;
  const roots = new Set(
    [...doc.querySelectorAll(S.mailboxRoot)].map((el) => EMAIL.exec(el.getAttribute('title') ?? '')?.[0]).filter(Boolean),
  );
  // Several mailboxes in the tree (shared or added accounts): which one is shown is not known (DT).
  return roots.size === 1 ? ([...roots][0] as string) : null;
}

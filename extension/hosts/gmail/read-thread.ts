import { cleanText, isHiddenByMarkup, textWithImageAlts } from '../dom/clean-text';
import { HostReadError } from '../dom/read-safely';
import type { RawMessage, RawPerson } from '../dom/thread-parts';
import { gmailSelectors as S, MESSAGE_ID_ATTRIBUTES, THREAD_ID_ATTRIBUTES } from './gmail-selectors';

/** Thrown when a thread view lacks a part we need; the adapter's edge turns it into 'unreadable'. */
export class GmailReadError extends HostReadError {
  override name = 'GmailReadError';
}

export type RawThread = { threadIdFromDom: string | null; subject: string; messages: RawMessage[] };

function readPerson(el: Element): RawPerson {
  const email = cleanText(el.getAttribute('email'));
  // Gmail's `name` attribute is the display name; the text is the fallback (§2 "Sender").
  const name = cleanText(el.getAttribute('name') ?? el.textContent, 200);
  return { email, name: name || email };
}

/**
 * Gmail writes `thread-f:<decimal>` in data-thread-perm-id and the same number in hex in
 * data-legacy-thread-id and the URL (§1 "Ids"); normalise to hex so every source agrees.
 */
export function normaliseThreadId(raw: string): string | null {
  const value = raw.trim().replace(/^#/, '');
  if (!value || value === 'undefined' || value === 'null') return null; // ISDK PR #1284
  const perm = /^thread-f:(\d+)$/.exec(value);
  if (perm?.[1]) return BigInt(perm[1]).toString(16);
  return value;
}

/**
 * `#msg-f:<decimal>` is the same number as the legacy hex id; drafts (`msg-a:`) are not sent
 * mail, so they have no id here.
 */
export function normaliseMessageId(raw: string): string | null {
  const value = raw.trim().replace(/^#/, '');
  if (!value || value === 'undefined' || value === 'null' || value.startsWith('msg-a:')) return null;
  const sent = /^msg-f:(\d+)$/.exec(value);
  if (sent?.[1]) return BigInt(sent[1]).toString(16);
  return /^[0-9a-f]+$/i.test(value) ? value.toLowerCase() : null;
}

function readMessageId(block: Element): string | null {
  for (const attr of MESSAGE_ID_ATTRIBUTES) {
    const id = normaliseMessageId(block.getAttribute(attr) ?? '');
    if (id) return id;
  }
  return null;
}

function readThreadId(subject: Element): string | null {
  for (const attr of THREAD_ID_ATTRIBUTES) {
    const id = normaliseThreadId(subject.getAttribute(attr) ?? '');
    if (id) return id;
  }
  return null;
}

/** The one visible subject inside the main area; more than one means we cannot tell which. */
function findSubject(main: Element): Element {
  const visible = [...main.querySelectorAll(S.subject)].filter((el) => !isHiddenByMarkup(el));
  if (visible.length === 0) throw new GmailReadError('no subject (h2.hP) in the thread view');
  if (visible.length > 1) throw new GmailReadError(`ambiguous: ${visible.length} visible subjects`);
  return visible[0]!;
}

/** The split view's preview pane when it shows a thread (its subject), else null. */
export function previewPaneThread(doc: Document): Element | null {
  const pane = doc.querySelector(S.previewPane);
  return pane?.querySelector(S.subject) ? pane : null;
}

/** The thread in `scope` (the main area, or the split view's preview pane). */
export function readThread(doc: Document, scope?: Element): RawThread {
  const main = scope ?? doc.querySelector(S.main);
  if (!main) throw new GmailReadError('no main area (div[role=main])');
  const subjectEl = findSubject(main);
  const messages: RawMessage[] = [];
  for (const block of main.querySelectorAll(S.message)) {
    if (isHiddenByMarkup(block)) continue;
    const senderEl = block.querySelector(S.sender);
    // Collapsed "N older messages" blocks have no header in the DOM (§5.3); skip, don't fail.
    if (!senderEl) continue;
    const to = [...block.querySelectorAll(S.recipients)].filter((el) => el !== senderEl).map(readPerson);
    messages.push({ id: readMessageId(block), from: readPerson(senderEl), to });
  }
  if (messages.length === 0) throw new GmailReadError('no sender (span.gD[email]) in any message');
  return {
    threadIdFromDom: readThreadId(subjectEl),
    subject: cleanText(textWithImageAlts(subjectEl, S.subjectEmoji), 1000),
    messages,
  };
}

/** The signed-in address from a title such as "Inbox - someone@company.com - Gmail" (§2). */
export function readAccount(title: string): string | null {
  const parts = title.split(' - ').map((p) => cleanText(p));
  // The address is the part just before the product name; a subject may contain " - " itself.
  for (let i = parts.length - 2; i >= 0; i--) {
    const part = parts[i]!;
    if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(part)) return part;
  }
  return null;
}

import { cleanText } from '../dom/clean-text';
import type { RawPerson } from '../dom/thread-parts';
import { outlookSelectors as S } from './outlook-selectors';

/** An address inside angle brackets ("Olivia Park<olivia@x.example>", ASA tests), else a bare one. */
const BRACKETED = /<\s*([^<>\s]+@[^<>\s]+)\s*>/;
const BARE = /[^\s<>()[\]"'，,;；:：]+@[^\s<>()[\]"'，,;；:：]+\.[^\s<>()[\]"'，,;；:：]{2,}/u;
/** A leading field label such as "From:", "发件人：", "Von:" in an aria-label (localised, §4 table). */
const LABEL = /^[^\s:：<>@]{1,12}\s*[:：]\s*/u;

function addressIn(text: string | null): string | null {
  if (!text) return null;
  return BRACKETED.exec(text)?.[1] ?? BARE.exec(text)?.[0] ?? null;
}

/**
 * One person from a chip (or a whole heading without chips): the address from the title,
 * aria-label or text, the name from the text without the address. Never splits a list of names
 * on commas ("Doe, John" is one person; host-dom-facts §5.2). null when no address is shown:
 * Outlook often names recipients without one (CLI records `address: null`).
 */
export function readPerson(el: Element): RawPerson | null {
  const text = cleanText(el.textContent, 500);
  const email = addressIn(el.getAttribute('title')) ?? addressIn(el.getAttribute('aria-label')) ?? addressIn(text);
  if (!email) return null;
  const name = cleanText(text.replace(BRACKETED, '').replace(email, '').replace(LABEL, ''), 200);
  return { email: cleanText(email, 320), name: name || email };
}

/** The people of a list of chips that show an address (at most 500: a hostile page can show more). */
export function readChips(chips: readonly Element[]): RawPerson[] {
  return chips
    .slice(0, 500)
    .map(readPerson)
    .filter((p): p is RawPerson => p !== null);
}

/** Everyone in a From/To/Cc heading: its chips, or the heading itself when it has none. */
export function readPeople(heading: Element | null): RawPerson[] {
  if (!heading) return [];
  const chips = [...heading.querySelectorAll(S.personChip)];
  return readChips(chips.length > 0 ? chips : [heading]);
}

import { focusedCompose, visibleComposes } from '../dom/active-compose';
import { cleanText } from '../dom/clean-text';
import type { RawCompose, RawRecipient } from '../dom/compose-parts';
import { gmailSelectors as S } from './gmail-selectors';
import { normaliseThreadId } from './read-thread';

const ROLES = new Set(['to', 'cc', 'bcc']);
const BRACKETED = /<\s*([^<>\s]+@[^<>\s]+)\s*>/;
const asRole = (value: string | null | undefined): RawRecipient['role'] | null =>
  value && ROLES.has(value.toLowerCase()) ? (value.toLowerCase() as RawRecipient['role']) : null;

function chipsOf(compose: Element): RawRecipient[] {
  const out: RawRecipient[] = [];
  for (const chip of [...compose.querySelectorAll(S.composeChip)].slice(0, 500)) {
    const role = asRole(chip.closest('.anm[name]')?.getAttribute('name'));
    const email = cleanText(chip.getAttribute('data-hovercard-id'), 320);
    if (role && email) out.push({ email, name: cleanText(chip.getAttribute('data-name'), 200) || email, role });
  }
  for (const input of [...compose.querySelectorAll<HTMLInputElement>(S.composeChipLegacy)].slice(0, 500)) {
    const role = asRole(input.closest('tr')?.querySelector('textarea.vO')?.getAttribute('name'));
    // The value is "Name <address>" or the bare address.
    const value = cleanText(input.value || input.getAttribute('value'), 500);
    const email = BRACKETED.exec(value)?.[1] ?? value;
    const name = cleanText(value.replace(BRACKETED, '').replace(/^"|"$/g, ''), 200);
    if (role && email.includes('@')) out.push({ email, name: name || email, role });
  }
  return out;
}

export type GmailCompose = RawCompose & { focused: boolean };

/**
 * The compose window the user works in (focused, or the newest when nothing else is open), or
 * null when none is open. Where several are open and none was focused, the newest one.
 */
export function readGmailCompose(doc: Document): GmailCompose | null {
  const composes = visibleComposes(doc, S.compose);
  if (composes.length === 0) return null;
  const focused = focusedCompose(doc, composes);
  const compose = focused ?? composes.at(-1)!;
  const subject = compose.querySelector<HTMLInputElement>(S.composeSubject);
  const lts = compose.querySelector<HTMLInputElement>(S.composeThreadId);
  return {
    recipients: chipsOf(compose),
    subject: cleanText(subject?.value ?? '', 1000),
    threadId: normaliseThreadId(lts?.value ?? ''),
    focused: focused !== null,
  };
}

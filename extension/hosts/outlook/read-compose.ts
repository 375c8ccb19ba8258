import { focusedCompose } from '../dom/active-compose';
import { cleanText, isHiddenByMarkup } from '../dom/clean-text';
import type { RawCompose, RawRecipient } from '../dom/compose-parts';
import { outlookSelectors as S } from './outlook-selectors';
import { readChips } from './read-people';

/** How far up from the To field the compose form's send button may be. */
const MAX_DEPTH = 20;

/** The compose form around a To field: the nearest ancestor that also holds the send button. */
function formOf(to: Element): Element {
  let node: Element | null = to;
  for (let depth = 0; node && depth < MAX_DEPTH; depth++, node = node.parentElement) {
    if (node.querySelector(S.composeSend)) return node;
  }
  return to.parentElement?.parentElement ?? to;
}

/** The chips of a recipient field: buttons in the field's grandparent, outside the field itself (CLI). */
function chipsOf(form: Element, selector: string, role: RawRecipient['role']): RawRecipient[] {
  const field = form.querySelector(selector);
  const well = field?.parentElement?.parentElement;
  if (!field || !well) return [];
  const chips = [...well.querySelectorAll(S.personChip)].filter((chip) => !field.contains(chip));
  return readChips(chips).map((person) => ({ ...person, role }));
}

export type OutlookCompose = RawCompose & { focused: boolean };

/** The compose form the user works in (focused, else the newest), or null when none is open. */
export function readOutlookCompose(doc: Document): OutlookCompose | null {
  const forms = [...doc.querySelectorAll(S.composeTo)]
    .filter((el) => !isHiddenByMarkup(el))
    .slice(-20)
    .map(formOf);
  if (forms.length === 0) return null;
  const focused = focusedCompose(doc, forms);
  const form = focused ?? forms.at(-1)!;
  const subject = form.querySelector<HTMLInputElement>(S.composeSubject);
  return {
    recipients: [...chipsOf(form, S.composeTo, 'to'), ...chipsOf(form, S.composeCc, 'cc'), ...chipsOf(form, S.composeBcc, 'bcc')],
    subject: cleanText(subject?.value ?? '', 1000),
    threadId: null,
    focused: focused !== null,
  };
}

import type { Clue } from '../../../shared/schemas/host-context';
import type { ClueKind, PortalRule, Recogniser } from '../../../shared/schemas/portal-rules';
import { isUnifiedSocialCreditCode, USCC_IN_TEXT } from '../../../shared/domain/tax-number';
import { cleanText } from '../dom/clean-text';
import { portalSelectors as S } from './portal-selectors';

/**
 * Clues on a portal page: first what its rule's recognisers find, then what any page says on
 * its own (mailto: links, addresses and Chinese tax numbers in the text). Everything is bounded,
 * so an enormous page or one with thousands of addresses costs the same as a normal one.
 */
const MAX_TEXT = 200_000;
const MAX_ELEMENTS = 50;
const MAX_VALUE = 2_000;
const MAX_CLUES = 50;
const EMAIL = /[^\s<>()[\]"'，,;；:：@]+@[^\s<>()[\]"'，,;；:：@]+\.[^\s<>()[\]"'，,;；:：@.]{2,}/gu;

/**
 * Elements whose text is not page text: code, styles, templates, form values being typed. Our own
 * UI needs no entry: its text lives in shadow roots and an iframe, which a TreeWalker never enters.
 */
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);

/** The page's text, without code, at most MAX_TEXT characters (text nodes only: no layout). */
export function pageText(doc: Document): string {
  const root = doc.body;
  if (!root) return '';
  const parts: string[] = [];
  let length = 0;
  const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node && length < MAX_TEXT; node = walker.nextNode()) {
    if (SKIPPED_TAGS.has(node.parentElement?.tagName ?? '')) continue;
    const text = node.nodeValue ?? '';
    parts.push(text);
    length += text.length + 1;
  }
  return parts.join(' ').slice(0, MAX_TEXT);
}

/** The values a recogniser's text holds: its pattern's matches (first group), else the text itself. */
function valuesIn(text: string, recogniser: Recogniser, all: boolean): string[] {
  if (!recogniser.pattern) return [text];
  const re = new RegExp(recogniser.pattern, all ? 'gu' : 'u');
  if (!all) {
    const match = re.exec(text);
    return match ? [match[1] ?? match[0]] : [];
  }
  return [...text.matchAll(re)].slice(0, MAX_ELEMENTS).map((m) => m[1] ?? m[0]);
}

/** A value as a clue of its kind: addresses are taken out of text or mailto: links. */
function cluesOf(kind: ClueKind, raw: string, source: Clue['source']): Clue[] {
  const value = cleanText(raw, MAX_VALUE);
  if (!value) return [];
  if (kind === 'email') return (value.replace(/^mailto:/i, '').match(EMAIL) ?? []).map((v) => ({ kind, value: v.toLowerCase(), source }));
  return [{ kind, value: value.slice(0, 200), source }];
}

function applyRecogniser(doc: Document, recogniser: Recogniser, text: () => string): Clue[] {
  if (!recogniser.selector) {
    return valuesIn(text(), recogniser, true).flatMap((v) => cluesOf(recogniser.kind, v, 'rule'));
  }
  // Throws SyntaxError for a broken selector: the caller reports it and goes on with the rest.
  const elements = [...doc.querySelectorAll(recogniser.selector)].slice(0, MAX_ELEMENTS);
  return elements.flatMap((el) => {
    const raw = recogniser.attribute ? el.getAttribute(recogniser.attribute) : el.textContent;
    return valuesIn(cleanText(raw, MAX_VALUE), recogniser, false).flatMap((v) => cluesOf(recogniser.kind, v, 'rule'));
  });
}

/** What any page says on its own: mailto: links, addresses and tax numbers in the text. */
function pageClues(doc: Document, text: string): Clue[] {
  const links = [...doc.querySelectorAll(S.mailtoLink)].slice(0, MAX_ELEMENTS).flatMap((a) => cluesOf('email', a.getAttribute('href') ?? '', 'page'));
  const emails = (text.match(EMAIL) ?? []).slice(0, MAX_CLUES).map((v): Clue => ({ kind: 'email', value: v.toLowerCase(), source: 'page' }));
  const taxNumbers = (text.match(USCC_IN_TEXT) ?? []).filter(isUnifiedSocialCreditCode).map((v): Clue => ({ kind: 'taxNumber', value: v, source: 'page' }));
  return [...links, ...emails, ...taxNumbers];
}

export type Recognised = { clues: Clue[]; problems: string[] };

export function recognise(doc: Document, rule: PortalRule | null): Recognised {
  let text: string | null = null;
  const lazyText = (): string => (text ??= pageText(doc));
  const found: Clue[] = [];
  const problems: string[] = [];
  for (const [index, recogniser] of (rule?.recognisers ?? []).entries()) {
    try {
      found.push(...applyRecogniser(doc, recogniser, lazyText));
    } catch (error) {
      const what = recogniser.label ?? `${recogniser.kind} #${index + 1}`;
      problems.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  found.push(...pageClues(doc, lazyText()));
  const seen = new Set<string>();
  const clues = found.filter((c) => {
    const key = `${c.kind} ${c.value.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { clues: clues.slice(0, MAX_CLUES), problems };
}

// Zero-width, bidi-control and BOM characters appear in copied names and subjects
// (host-dom-facts §5.1, §5.7); they break matching and look like empty names.
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;

/** Text as a person would read it: NFC, invisible characters removed, whitespace collapsed. */
export function cleanText(value: string | null | undefined, max = Infinity): string {
  const text = (value ?? '').normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  return text.length > max ? text.slice(0, max) : text;
}

/** Text content that keeps emoji rendered as `<img alt="😀">` (Gmail subjects, §2). */
export function textWithImageAlts(root: Node, imageSelector: string): string {
  let out = '';
  const walk = (node: Node): void => {
    if (node.nodeType === 3) out += node.nodeValue ?? '';
    else if (node.nodeType === 1) {
      const el = node as Element;
      if (el.matches(imageSelector)) out += el.getAttribute('alt') ?? el.getAttribute('data-emoji') ?? '';
      else el.childNodes.forEach(walk);
    }
  };
  walk(root);
  return out;
}

/** True when the element or an ancestor is hidden by attribute or inline style. */
export function isHiddenByMarkup(el: Element): boolean {
  return el.closest('[hidden], [aria-hidden="true"], [style*="display: none"], [style*="display:none"]') !== null;
}

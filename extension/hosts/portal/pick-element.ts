/**
 * "Point at it": the user clicks the element of a portal page that holds the customer's name,
 * code, tax number or address, and a rule remembers it as a CSS selector. The highlight lives in
 * a shadow root; only real (trusted) clicks and moves count, so the page cannot pick for the user.
 */

/** Attributes that name an element on purpose (test ids, microdata), tried before structure. */
const NAMING_ATTRIBUTES = ['data-testid', 'data-test', 'data-qa', 'data-field', 'itemprop', 'name'];
/** Ids that look generated (long digit runs, hashes) change between page loads. */
const GENERATED = /\d{4,}|[0-9a-f]{8,}|^:r/i;
const MAX_DEPTH = 12;

const unique = (doc: Document, selector: string, el: Element): boolean => {
  try {
    const found = doc.querySelectorAll(selector);
    return found.length === 1 && found[0] === el;
  } catch {
    return false;
  }
};

/** A selector for one element alone: its id, a naming attribute, else a short path from one. */
function ownSelector(doc: Document, el: Element): string | null {
  if (el.id && !GENERATED.test(el.id) && unique(doc, `#${CSS.escape(el.id)}`, el)) return `#${CSS.escape(el.id)}`;
  for (const attr of NAMING_ATTRIBUTES) {
    const value = el.getAttribute(attr);
    const selector = value ? `${el.localName}[${attr}="${CSS.escape(value)}"]` : null;
    if (selector && unique(doc, selector, el)) return selector;
  }
  return null;
}

export function selectorFor(doc: Document, target: Element): string {
  const steps: string[] = [];
  for (let el: Element | null = target, depth = 0; el && el !== doc.documentElement && depth < MAX_DEPTH; el = el.parentElement, depth++) {
    const own = ownSelector(doc, el);
    if (own) {
      steps.unshift(own);
      const selector = steps.join(' > ');
      if (unique(doc, selector, target)) return selector;
      steps.shift();
    }
    const parent = el.parentElement;
    const sameTag = parent ? [...parent.children].filter((c) => c.localName === el!.localName) : [];
    steps.unshift(sameTag.length > 1 ? `${el.localName}:nth-of-type(${sameTag.indexOf(el) + 1})` : el.localName);
    const selector = steps.join(' > ');
    if (unique(doc, selector, target)) return selector;
  }
  return steps.join(' > ');
}

/** Lets the user point at one element; resolves its selector, or null on Escape or abort. */
export function pickElement(doc: Document, signal: AbortSignal): Promise<string | null> {
  return new Promise((resolve) => {
    const host = doc.createElement('inbox-crm-picker');
    host.setAttribute('data-inbox-crm', 'picker');
    const box = doc.createElement('div');
    box.style.cssText = 'position:fixed;pointer-events:none;border:2px solid #1a73e8;background:rgba(26,115,232,.12);z-index:2147483002;';
    host.attachShadow({ mode: 'open' }).append(box);
    doc.body.append(host);
    const controller = new AbortController();
    const done = (selector: string | null): void => {
      controller.abort();
      host.remove();
      resolve(selector);
    };
    const options = { capture: true, signal: controller.signal };
    doc.addEventListener(
      'mousemove',
      (event) => {
        const el = event.target instanceof Element ? event.target : null;
        if (!event.isTrusted || !el || el === host) return;
        const r = el.getBoundingClientRect();
        box.style.left = `${r.left}px`;
        box.style.top = `${r.top}px`;
        box.style.width = `${r.width}px`;
        box.style.height = `${r.height}px`;
      },
      options,
    );
    doc.addEventListener(
      'click',
      (event) => {
        if (!event.isTrusted || !(event.target instanceof Element)) return;
        event.preventDefault();
        event.stopPropagation();
        done(selectorFor(doc, event.target));
      },
      options,
    );
    doc.addEventListener('keydown', (event) => event.key === 'Escape' && done(null), options);
    signal.addEventListener('abort', () => done(null));
  });
}

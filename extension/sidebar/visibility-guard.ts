import { t } from '../i18n';

const BLOCKED = ['click', 'dblclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown', 'submit'] as const;

/**
 * Clickjacking guard. The host page owns the iframe's box: it can make the sidebar transparent,
 * transform it, or lay bait over it so the user's clicks land on sidebar buttons unseen.
 * Chromium's IntersectionObserver v2 (trackVisibility) reports whether the frame is really
 * visible (unoccluded, no opacity, filter or transform); while it is not, the sidebar drops
 * every click, key press and submit, and says why. Browsers without v2 report nothing and are
 * left alone. Only for the iframe: the side panel is the browser's own surface.
 */
export function startVisibilityGuard(doc: Document = document): void {
  if (window.top === window || typeof IntersectionObserver === 'undefined') return;
  let obscured = false;
  const observer = new IntersectionObserver(
    (entries) => {
      const entry = entries.at(-1) as (IntersectionObserverEntry & { isVisible?: boolean }) | undefined;
      if (entry?.isVisible === undefined) return;
      obscured = !entry.isVisible;
      if (obscured) doc.body.setAttribute('data-obscured', t('guard.obscured'));
      else doc.body.removeAttribute('data-obscured');
    },
    // trackVisibility and delay are IntersectionObserver v2 (not in TypeScript's DOM types yet).
    { threshold: [0, 1], trackVisibility: true, delay: 100 } as IntersectionObserverInit,
  );
  // A transparent sentinel over the whole frame, above the sidebar's own content: it stays in
  // view however the sidebar scrolls, so only the page (opacity, transforms, overlays on the
  // iframe) can make it invisible.
  const sentinel = doc.createElement('div');
  sentinel.setAttribute('aria-hidden', 'true');
  sentinel.style.cssText = 'position:fixed;inset:0;pointer-events:none;z-index:2147483647';
  doc.body.append(sentinel);
  observer.observe(sentinel);
  const drop = (event: Event): void => {
    if (!obscured || !event.isTrusted) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  for (const type of BLOCKED) doc.addEventListener(type, drop, true);
}

import type { HostContext } from '../../../shared/schemas/host-context';
import { coalesce } from '../dom/debounce';
import { readGmailContextSafely } from './gmail-adapter';

export type WatchGmailOptions = {
  win: Window;
  signal: AbortSignal;
  onContext: (context: HostContext) => void;
  /**
   * Coalescing window for DOM mutation bursts. Navigation events are read at once: waiting here
   * was most of the measured sidebar open time (bench, sidebar_open_ms_p50).
   */
  delayMs?: number;
  /**
   * After a URL change Gmail renders the thread over a few frames; an unreadable read inside this
   * window shows 'none' (never the previous thread) and is retried before we call it unreadable.
   */
  graceMs?: number;
};

/** Attributes whose change can mean another thread is shown (ids, senders, visibility). */
const WATCHED_ATTRIBUTES = ['data-legacy-thread-id', 'data-thread-perm-id', 'email', 'hidden', 'style', 'role'];

/**
 * Follows Gmail's SPA navigation: hashchange + popstate + a MutationObserver (WXT's
 * locationchange polls only every second, host-dom-facts §3). Emits each distinct context once,
 * with an increasing seq that starts at the clock so a reloaded content script still outranks
 * contexts stored by its predecessor.
 */
export function watchGmail({ win, signal, onContext, delayMs = 20, graceMs = 1000 }: WatchGmailOptions): void {
  const doc = win.document;
  let seq = Date.now();
  let lastKey = '';
  let lastHref = win.location.href;
  let urlChangedAt = Date.now();
  const warnedFor = new Set<string>();
  let graceTimer: ReturnType<typeof setTimeout> | undefined;

  const emit = (context: HostContext): void => {
    const key = JSON.stringify({ ...context, seq: 0 });
    if (key === lastKey) return;
    lastKey = key;
    seq += 1;
    onContext({ ...context, seq });
  };

  const check = (): void => {
    if (signal.aborted) return;
    const href = win.location.href;
    if (href !== lastHref) {
      lastHref = href;
      urlChangedAt = Date.now();
    }
    const { context, error } = readGmailContextSafely(doc, href, seq);
    if (context.kind === 'unreadable') {
      const age = Date.now() - urlChangedAt;
      if (age < graceMs) {
        emit({ host: 'gmail', kind: 'none', url: context.url, seq });
        clearTimeout(graceTimer);
        graceTimer = setTimeout(check, graceMs - age + 5);
        return;
      }
      if (!warnedFor.has(href)) {
        warnedFor.add(href);
        console.warn('[inbox-crm] cannot read this Gmail page:', error?.message ?? context.reason);
      }
    }
    emit(context);
  };

  const scheduled = coalesce(check, delayMs);
  const schedule = (): void => scheduled.run();
  // A stale DOM right after navigation reads as "not rendered yet" (gmail-adapter), so reading
  // at once is safe; the observer below catches the render that follows.
  const checkNow = (): void => {
    scheduled.cancel();
    check();
  };
  win.addEventListener('hashchange', checkNow, { signal });
  win.addEventListener('popstate', checkNow, { signal });
  const observer = new MutationObserver(schedule);
  observer.observe(doc.body ?? doc.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: WATCHED_ATTRIBUTES,
  });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    scheduled.cancel();
    clearTimeout(graceTimer);
  });
  check();
}

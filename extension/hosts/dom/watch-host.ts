import type { Host, HostContext } from '../../../shared/schemas/host-context';
import type { ReadResult } from './read-safely';

export type WatchOptions = {
  win: Window;
  signal: AbortSignal;
  onContext: (context: HostContext) => void;
  /**
   * Shortest wait between reads caused by DOM mutations. Navigation events are read at once:
   * waiting there was most of the measured sidebar open time (bench, sidebar_open_ms_p50).
   */
  delayMs?: number;
  /**
   * After a URL change a host renders the conversation over a few frames; an unreadable read
   * inside this window shows 'none' (never the previous conversation) and is retried before we
   * call it unreadable.
   */
  graceMs?: number;
};

export type HostWatcher = {
  host: Host;
  read: (doc: Document, href: string, seq: number) => ReadResult;
  /** Attributes whose change can mean another conversation is shown (ids, senders, visibility). */
  attributes: readonly string[];
  /**
   * Hosts that navigate with history.pushState (Outlook) change the URL without an event an
   * isolated-world content script can hear, so the URL is compared every pollMs (a string
   * comparison; host-dom-facts §4 "SPA / timing"). 0 = hash routing only (Gmail).
   */
  pollMs?: number;
};

/**
 * Mutation-triggered reads are spaced by at least COST_FACTOR × the last read's duration, so a
 * host page that mutates without pause (a huge page, thousands of addresses) gives the adapter at
 * most ~1/COST_FACTOR of its main thread; never more than MAX_GAP_MS between a change and a read.
 */
const COST_FACTOR = 10;
const MAX_GAP_MS = 1000;

/**
 * Follows a host's SPA navigation: hashchange + popstate + an optional URL poll + focus changes
 * + one MutationObserver whose callback only schedules (all DOM reading is batched into one later read).
 * Emits each distinct context once, with an increasing seq that starts at the clock so a reloaded
 * content script still outranks contexts stored by its predecessor.
 */
export function watchHost(watcher: HostWatcher, { win, signal, onContext, delayMs = 20, graceMs = 1000 }: WatchOptions): () => void {
  const doc = win.document;
  let seq = Date.now();
  let lastKey = '';
  let lastHref = win.location.href;
  let urlChangedAt = Date.now();
  let lastCost = 0;
  const warnedFor = new Set<string>();
  let graceTimer: ReturnType<typeof setTimeout> | undefined;
  let readTimer: ReturnType<typeof setTimeout> | undefined;

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
    const started = performance.now();
    const { context, error } = watcher.read(doc, href, seq);
    lastCost = performance.now() - started;
    if (context.kind === 'unreadable') {
      const age = Date.now() - urlChangedAt;
      if (age < graceMs) {
        emit({ host: watcher.host, kind: 'none', url: context.url, seq });
        clearTimeout(graceTimer);
        graceTimer = setTimeout(check, graceMs - age + 5);
        return;
      }
      if (!warnedFor.has(href)) {
        warnedFor.add(href);
        console.warn(`[inbox-crm] cannot read this ${watcher.host} page:`, error?.message ?? context.reason);
      }
    }
    emit(context);
  };

  const schedule = (): void => {
    if (readTimer !== undefined) return;
    const wait = Math.min(MAX_GAP_MS, Math.max(delayMs, lastCost * COST_FACTOR));
    readTimer = setTimeout(() => {
      readTimer = undefined;
      check();
    }, wait);
  };
  // A stale DOM right after navigation reads as "not rendered yet" (the adapters compare the URL's
  // id with the DOM's), so reading at once is safe; the observer catches the render that follows.
  const checkNow = (): void => {
    clearTimeout(readTimer);
    readTimer = undefined;
    check();
  };
  win.addEventListener('hashchange', checkNow, { signal });
  win.addEventListener('popstate', checkNow, { signal });
  // Which compose window the user works in follows the focus (dom/active-compose).
  doc.addEventListener('focusin', schedule, { signal });
  doc.addEventListener('focusout', schedule, { signal });
  const poll = watcher.pollMs
    ? setInterval(() => {
        if (win.location.href !== lastHref) checkNow();
      }, watcher.pollMs)
    : undefined;
  const observer = new MutationObserver(schedule);
  observer.observe(doc.body ?? doc.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: [...watcher.attributes],
  });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearInterval(poll);
    clearTimeout(readTimer);
    clearTimeout(graceTimer);
  });
  check();
  return checkNow;
}

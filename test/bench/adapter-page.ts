/**
 * Bundled by test/bench/adapters.ts and evaluated in a fixture page (main world): the product's
 * own watchers and adapters, with each read timed. Records, for every context emitted, how long
 * the read that produced it took.
 */
import type { HostContext } from '../../shared/schemas/host-context';
import { watchHost, type HostWatcher } from '../../extension/hosts/dom/watch-host';
import { gmailWatcher } from '../../extension/hosts/gmail/watch-gmail';
import { outlookWatcher } from '../../extension/hosts/outlook/watch-outlook';
import { portalWatcher } from '../../extension/hosts/portal/watch-portal';
import { RULE_PACK } from '../../extension/portals/rule-pack';

export type AdapterSample = { kind: string; key: string | null; readMs: number; at: number };

/** The rule-pack entry the portal watcher applies; the bench switches it with the page shown. */
let packId: string | null = null;
const ruleOf = (id: string | null) => {
  const entry = RULE_PACK.find((e) => e.id === id);
  // Any path: the saved pages are shown under the helpdesk's address, not their own site's.
  return entry ? { origin: location.origin, ...entry.rule, paths: [] } : null;
};

function watcherFor(host: string): HostWatcher {
  if (host === 'gmail') return gmailWatcher;
  if (host === 'outlook') return outlookWatcher;
  return portalWatcher(() => ({ origin: location.origin, rule: ruleOf(packId), onProblems: () => undefined }));
}

/**
 * What a single-page portal does on navigation: a new URL (pushState) and new content. The HTML
 * is the bench's own fixture file, parsed through a Trusted Types policy (the page enforces them).
 */
function showPage(path: string, html: string, nextPackId: string | null): number {
  const policy = (window as unknown as { __benchPolicy?: { createHTML(s: string): string } }).__benchPolicy ??=
    (window as unknown as { trustedTypes: { createPolicy(n: string, p: object): { createHTML(s: string): string } } }).trustedTypes.createPolicy('bench', { createHTML: (s: string) => s });
  const parsed = new DOMParser().parseFromString(policy.createHTML(html) as unknown as string, 'text/html');
  const started = performance.timeOrigin + performance.now();
  packId = nextPackId;
  history.pushState(null, '', path);
  document.title = parsed.title;
  document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
  return started;
}

const keyOf = (c: HostContext): string | null => (c.kind === 'thread' ? c.threadId : c.kind === 'page' ? c.title : null);

const samples: AdapterSample[] = [];
(window as unknown as { __adapterBench: unknown }).__adapterBench = {
  samples,
  showPage,
  start(host: string, firstPackId: string | null): void {
    packId = firstPackId;
    const watcher = watcherFor(host);
    let lastReadMs = 0;
    const timed: HostWatcher = {
      ...watcher,
      read(doc, href, seq) {
        const started = performance.now();
        const result = watcher.read(doc, href, seq);
        lastReadMs = performance.now() - started;
        return result;
      },
    };
    watchHost(timed, {
      win: window,
      signal: new AbortController().signal,
      onContext: (c) => samples.push({ kind: c.kind, key: keyOf(c), readMs: lastReadMs, at: performance.timeOrigin + performance.now() }),
    });
  },
};

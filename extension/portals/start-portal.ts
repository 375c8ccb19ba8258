import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { clueKindSchema } from '../../shared/schemas/portal-rules';
import type { PortalSetup } from '../hosts/portal/portal-adapter';
import { pickElement } from '../hosts/portal/pick-element';
import { watchPortal } from '../hosts/portal/watch-portal';
import { sendToBackground } from '../messaging/runtime-client';
import { PICK_MESSAGE } from '../messaging/tab-messages';
import { startHost } from '../mount/start-host';
import { RULES_KEY, ruleFor } from './rule-store';

/**
 * The portal content script: reads its own origin's rule, reports a broken one (once per
 * reason) and goes on with what the page shows by itself, re-reads when the rule changes, and
 * lets the user point at elements. Everything else is the same as on the mail hosts.
 */
export async function startPortal(ctx: ContentScriptContext): Promise<void> {
  const origin = location.origin;
  const reported = new Set<string>();
  const report = (reasons: string[]): void => {
    const fresh = reasons.filter((r) => !reported.has(r));
    fresh.forEach((r) => reported.add(r));
    if (fresh.length > 0) void sendToBackground({ type: 'portal-problem', reasons: fresh.slice(0, 20) }).catch(() => undefined);
  };
  const load = async (): Promise<PortalSetup> => {
    const stored = await ruleFor(origin);
    if (stored.problem) report([`the stored rule is invalid (${stored.problem})`]);
    return { origin, rule: stored.rule, onProblems: report };
  };
  let setup = await load();
  let readAgain = (): void => undefined;
  await startHost(ctx, (options) => {
    readAgain = watchPortal(() => setup, options);
  });

  const onChanged = (changes: Record<string, unknown>, areaName: string): void => {
    if (areaName !== 'local' || !(RULES_KEY in changes)) return;
    void load().then((next) => {
      setup = next;
      readAgain();
    });
  };
  browser.storage.onChanged.addListener(onChanged);
  const picking = new AbortController();
  const onPick = (message: unknown, sender: { id?: string; tab?: unknown }): undefined => {
    const kind = clueKindSchema.safeParse((message as { kind?: unknown } | null)?.kind);
    // Only our own extension pages (no tab) may start it.
    if (sender.id !== browser.runtime.id || sender.tab || (message as { type?: unknown }).type !== PICK_MESSAGE || !kind.success) return undefined;
    void pickElement(document, picking.signal).then((selector) => {
      if (selector) void sendToBackground({ type: 'portal-pick', kind: kind.data, selector });
    });
    return undefined;
  };
  browser.runtime.onMessage.addListener(onPick);
  ctx.onInvalidated(() => {
    picking.abort();
    browser.storage.onChanged.removeListener(onChanged);
    browser.runtime.onMessage.removeListener(onPick);
  });
}

import { browser, type Browser } from 'wxt/browser';
import { hostContextSchema, type HostContext } from '../../shared/schemas/host-context';
import { contentSenderOf, contextFits } from '../background/content-sender';
import { runtimeRequestSchema } from '../messaging/protocol';
import { GET_CONTEXT } from '../messaging/tab-messages';
import type { HostContextFeed } from './hooks/use-host-context';

type Listener = (context: HostContext | undefined) => void;

/**
 * The context of the active tab, for the sidebar page shown in the browser's side panel. It
 * follows the user: another tab, another page in the tab, another conversation in the page.
 *
 * - Asks the active tab's content script for its context (tabs.sendMessage) when the panel
 *   opens, when the user switches tabs and when a page finishes loading; no answer (a page
 *   without our content script) means no conversation.
 * - Hears the contexts content scripts send to the background (runtime messages reach every
 *   extension page), keeping those of the active tab, checked as the background checks them.
 */
export function startSidePanelFeed(): HostContextFeed {
  let current: HostContext | undefined;
  let activeTabId: number | undefined;
  let lastSeq = -1;
  const listeners = new Set<Listener>();
  const publish = (context: HostContext | undefined): void => {
    current = context;
    lastSeq = context?.seq ?? -1;
    for (const listener of listeners) listener(context);
  };

  const ask = async (): Promise<void> => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    activeTabId = tab?.id;
    if (activeTabId === undefined) return publish(undefined);
    const asked = activeTabId;
    let answer: unknown;
    try {
      answer = await browser.tabs.sendMessage(asked, { type: GET_CONTEXT }, { frameId: 0 });
    } catch {
      answer = undefined; // no content script of ours in that tab
    }
    if (asked !== activeTabId) return;
    const parsed = hostContextSchema.safeParse((answer as { context?: unknown } | undefined)?.context);
    publish(parsed.success ? parsed.data : undefined);
  };

  const heard = async (raw: unknown, sender: Browser.runtime.MessageSender): Promise<void> => {
    if (sender.tab?.id === undefined || sender.tab.id !== activeTabId) return;
    const message = runtimeRequestSchema.safeParse(raw);
    if (!message.success || message.data.type !== 'host-context') return;
    const context = hostContextSchema.safeParse(message.data.context);
    const from = await contentSenderOf(sender);
    if (!context.success || !from || !contextFits(from, context.data) || context.data.seq <= lastSeq) return;
    publish(context.data);
  };

  // Never answers: the background answers content scripts; a listener here must not take over.
  browser.runtime.onMessage.addListener((raw, sender) => {
    void heard(raw, sender);
    return undefined;
  });
  browser.tabs.onActivated.addListener(() => void ask());
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (tabId === activeTabId && change.status === 'complete') void ask();
  });
  browser.windows?.onFocusChanged.addListener(() => void ask());
  void ask();

  return {
    current: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

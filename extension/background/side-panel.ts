import { browser, type Browser } from 'wxt/browser';

type PanelApi = { sidePanel?: { open(options: { tabId: number }): Promise<void> }; sidebarAction?: { open(): Promise<void> } };

/**
 * Opens the side panel on the sender's tab, for the launcher of a content script in side-panel
 * mode. Called synchronously from the message handler: sidePanel.open only works while the
 * user's click is still "in progress", so nothing may be awaited before it. Any of our content
 * scripts may ask (only they can send runtime messages to us); it opens our own page, nothing else.
 */
export function openSidePanel(sender: Browser.runtime.MessageSender): Promise<boolean> {
  const tabId = sender.tab?.id;
  if (sender.id !== browser.runtime.id || tabId === undefined || sender.frameId !== 0) return Promise.resolve(false);
  const api = browser as unknown as PanelApi;
  const opened = api.sidePanel ? api.sidePanel.open({ tabId }) : api.sidebarAction?.open();
  return (opened ?? Promise.reject(new Error('no side panel in this browser'))).then(
    () => true,
    (error: unknown) => {
      console.warn('[inbox-crm] could not open the side panel:', error);
      return false;
    },
  );
}

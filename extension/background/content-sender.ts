import { browser, type Browser } from 'wxt/browser';
import type { Host, HostContext } from '../../shared/schemas/host-context';
import { mailHostOf, originOf } from '../hosts/host-origins';
import { isApprovedPortal } from '../portals/approval';

/** A content script of ours in the top frame of a tab: which tab, which host, which origin. */
export type ContentSender = { tabId: number; host: Host; origin: string };

/**
 * Who sent a runtime message, when it is one of our content scripts in a tab's top frame on a
 * host we run on. The host is derived from the sender's URL (which the browser sets), never from
 * the message, so a script on one host cannot store a context as another host's.
 */
export async function contentSenderOf(sender: Browser.runtime.MessageSender): Promise<ContentSender | null> {
  const tabId = sender.tab?.id;
  if (sender.id !== browser.runtime.id || tabId === undefined || sender.frameId !== 0 || !sender.url) return null;
  const origin = originOf(sender.url);
  if (!origin) return null;
  const host = mailHostOf(sender.url);
  if (host) return { tabId, host, origin };
  // Anywhere else only the portal script runs, and only where the user approved it.
  return (await isApprovedPortal(origin)) ? { tabId, host: 'portal', origin } : null;
}

/** A context a content script may report: its own host and its own page's origin. */
export function contextFits(from: ContentSender, context: HostContext): boolean {
  return context.host === from.host && originOf(context.url) === from.origin;
}

import { storage } from 'wxt/utils/storage';
import { hostContextSchema, type HostContext } from '../../shared/schemas/host-context';
import { contextFits, type ContentSender } from './content-sender';

/**
 * Per-tab state kept in storage.session (the worker may be stopped between messages; session
 * storage is cleared with the browser and is not readable by content scripts by default).
 */
const contextKey = (tabId: number) => `session:context:${tabId}` as const;
const nonceKey = (tabId: number) => `session:nonce:${tabId}` as const;

/**
 * Re-validates a context from a content script; malformed ones are dropped, never shown, and so is
 * one that claims another host or another page origin than the script that sent it.
 * Returns the stored context, or null when it was dropped or older than the one kept.
 */
export async function storeTabContext(from: ContentSender, raw: unknown): Promise<HostContext | null> {
  const { tabId } = from;
  const parsed = hostContextSchema.safeParse(raw);
  if (!parsed.success) {
    console.warn('[inbox-crm] dropped a malformed context from tab', tabId, parsed.error.issues.slice(0, 3));
    return null;
  }
  if (!contextFits(from, parsed.data)) {
    console.warn('[inbox-crm] dropped a context for another host or origin from tab', tabId);
    return null;
  }
  const current = await lastTabContext(tabId);
  // A late message must not overwrite a newer context (seq is monotonic per content script).
  if (current && current.seq > parsed.data.seq) return null;
  await storage.setItem(contextKey(tabId), parsed.data);
  return parsed.data;
}

export async function lastTabContext(tabId: number): Promise<HostContext | null> {
  const parsed = hostContextSchema.safeParse(await storage.getItem(contextKey(tabId)));
  return parsed.success ? parsed.data : null;
}

/** A fresh nonce per iframe load; the sidebar of the same tab must present it once. */
export async function issueNonce(tabId: number): Promise<string> {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  const nonce = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  await storage.setItem(nonceKey(tabId), nonce);
  return nonce;
}

export async function consumeNonce(tabId: number, nonce: string): Promise<boolean> {
  const expected = await storage.getItem<string>(nonceKey(tabId));
  if (!expected || expected !== nonce) return false;
  await storage.removeItem(nonceKey(tabId));
  return true;
}

export async function forgetTab(tabId: number): Promise<void> {
  await storage.removeItems([contextKey(tabId), nonceKey(tabId)]);
}

import { browser } from 'wxt/browser';
import { canBePortal } from '../hosts/portal/portal-url';
import { packRuleFor } from './rule-pack';
import { ruleFor, saveRule } from './rule-store';

/**
 * A portal is approved when BOTH hold: the user granted the optional host permission for its
 * origin (requested in the popup, in the click) and our portal content script is registered for
 * it. Nothing runs on a site that is not approved; removing approval unregisters the script and
 * gives the permission back. A registration survives browser restarts (persistAcrossSessions).
 */
/**
 * The popup asks for the host permission inside the user's click and notes the request here
 * first (storage.session: extension pages only). Chrome may close the popup while its dialog is
 * open, so the grant itself (permissions.onAdded, in the background) finishes the approval.
 */
export const PENDING_APPROVAL_KEY = 'portalPending';
export type PendingApproval = { origin: string; tabId: number | null; at: number };

export const PORTAL_SCRIPT = '/content-scripts/portal.js';
const ID_PREFIX = 'portal:';
const scriptId = (origin: string): string => `${ID_PREFIX}${origin}`;
const patternOf = (origin: string): string => `${origin}/*`;

export async function approvedPortals(): Promise<string[]> {
  const scripts = await browser.scripting.getRegisteredContentScripts();
  return scripts.filter((s) => s.id.startsWith(ID_PREFIX)).map((s) => s.id.slice(ID_PREFIX.length));
}

export async function isApprovedPortal(origin: string): Promise<boolean> {
  if (!canBePortal(origin)) return false;
  const [scripts, permitted] = await Promise.all([
    browser.scripting.getRegisteredContentScripts({ ids: [scriptId(origin)] }),
    browser.permissions.contains({ origins: [patternOf(origin)] }),
  ]);
  return scripts.length > 0 && permitted;
}

/**
 * Registers the portal script for an origin the user granted, gives it the shipped rule that fits
 * (if it has none), and starts it in the tab the user approved from (no reload needed).
 */
export async function approvePortal(origin: string, tabId: number | null): Promise<boolean> {
  if (!canBePortal(origin) || !(await browser.permissions.contains({ origins: [patternOf(origin)] }))) return false;
  const known = await browser.scripting.getRegisteredContentScripts({ ids: [scriptId(origin)] });
  if (known.length === 0) {
    await browser.scripting.registerContentScripts([
      { id: scriptId(origin), matches: [patternOf(origin)], js: [PORTAL_SCRIPT], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  }
  const stored = await ruleFor(origin);
  const pack = packRuleFor(origin);
  if (!stored.rule && !stored.problem && pack) await saveRule(pack);
  // Only a fresh approval starts it: a second copy in a tab that already runs it would read twice.
  if (known.length === 0 && tabId !== null) {
    await browser.scripting.executeScript({ target: { tabId }, files: [PORTAL_SCRIPT] }).catch((error: unknown) => {
      console.warn('[inbox-crm] could not start on the approved tab; it starts on the next load:', error);
    });
  }
  return true;
}

/** Stops running on the origin and gives the permission back (unless `keepPermission`). */
export async function revokePortal(origin: string, keepPermission = false): Promise<void> {
  await browser.scripting.unregisterContentScripts({ ids: [scriptId(origin)] }).catch(() => undefined);
  if (!keepPermission) await browser.permissions.remove({ origins: [patternOf(origin)] });
}

/** The origin of a single-origin match pattern (`https://host/*`), else null. */
export function originOfPattern(pattern: string): string | null {
  const match = /^(https?:\/\/[^/*]+)\/\*$/.exec(pattern);
  return match?.[1] && canBePortal(match[1]) ? match[1] : null;
}

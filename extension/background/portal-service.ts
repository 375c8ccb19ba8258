import { browser } from 'wxt/browser';
import type { ClueKind, PortalRule, Recogniser } from '../../shared/schemas/portal-rules';
import type { LocalDb } from '../local-db/db';
import { getMeta } from '../local-db/meta';
import {
  approvePortal,
  approvedPortals,
  originOfPattern,
  PENDING_APPROVAL_KEY,
  revokePortal,
  type PendingApproval,
} from '../portals/approval';
import { recordProblem, ruleFor, saveRule } from '../portals/rule-store';

const PENDING_FOR_MS = 10 * 60_000;

/** One approval at a time: the popup's message and the permission event may both arrive. */
let queue: Promise<unknown> = Promise.resolve();
export function approveInOrder(origin: string, tabId: number | null): Promise<boolean> {
  const next = queue.then(() => approvePortal(origin, tabId));
  queue = next.catch(() => undefined);
  return next;
}

export function watchPortalPermissions(): void {
  browser.permissions.onAdded.addListener(({ origins = [] }) => {
    void (async () => {
      const pending = (await browser.storage.session.get(PENDING_APPROVAL_KEY))[PENDING_APPROVAL_KEY] as PendingApproval | undefined;
      if (!pending || Date.now() - pending.at > PENDING_FOR_MS) return;
      if (!origins.some((p) => originOfPattern(p) === pending.origin)) return;
      await browser.storage.session.remove(PENDING_APPROVAL_KEY);
      await approveInOrder(pending.origin, pending.tabId);
    })();
  });
  // The user took the permission back in Chrome's own settings: stop running there too.
  browser.permissions.onRemoved.addListener(({ origins = [] }) => {
    void (async () => {
      const approved = new Set(await approvedPortals());
      for (const origin of origins.map(originOfPattern)) if (origin && approved.has(origin)) await revokePortal(origin, true);
    })();
  });
}

/** Revoking a portal must not take away the sync server's permission when both are one origin. */
export async function revokeApproval(db: LocalDb, origin: string): Promise<void> {
  const server = (await getMeta(db, 'connection'))?.serverUrl;
  await revokePortal(origin, server !== undefined && new URL(server).origin === origin);
}

/** The user pointed at an element on an approved portal: its selector joins that origin's rule. */
export async function addPickedRecogniser(origin: string, kind: ClueKind, selector: string): Promise<void> {
  const stored = await ruleFor(origin);
  const recogniser: Recogniser = { kind, selector };
  const base: PortalRule = stored.rule ?? { origin, name: new URL(origin).hostname, paths: [], recognisers: [] };
  // The newest pick for a kind replaces the older one of the same selector; at most 20 in a rule.
  const others = base.recognisers.filter((r) => !(r.kind === kind && r.selector === selector));
  await saveRule({ ...base, recognisers: [recogniser, ...others].slice(0, 20) });
}

export async function reportProblems(origin: string, reasons: string[]): Promise<void> {
  await recordProblem(origin, reasons.join('; '));
}

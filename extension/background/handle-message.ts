import { browser, type Browser } from 'wxt/browser';
import type { ThreadContext } from '../../shared/schemas/host-context';
import type { LocalDb } from '../local-db/db';
import { getMeta } from '../local-db/meta';
import { RuleRefusal } from '../local-db/mutations/rule-refusal';
import { runtimeRequestSchema, type RuntimeResponses } from '../messaging/protocol';
import type { SyncEngine } from '../sync/engine';
import { signIn, signOut } from './account';
import { adminCall } from './admin-calls';
import { importCalls } from './import-calls';
import { inBackground } from './in-background';
import { runMailCall } from './mail-calls';
import { reportCall } from './report-calls';
import { contentSenderOf } from './content-sender';
import { addPickedRecogniser, approveInOrder, reportProblems, revokeApproval } from './portal-service';
import { openSidePanel } from './side-panel';
import { announceReplicaChanged, answerReplicaQuery, invalidValueIssues, runReplicaMutation } from './replica-service';
import { consumeNonce, issueNonce, lastTabContext, storeTabContext } from './tab-state';
import { runThreadRules } from './thread-rules/index';
import { serverTimelinePage } from './timeline-calls';

type Sender = Browser.runtime.MessageSender;
type Deps = { db: LocalDb; engine: SyncEngine };

/** Only our own extension pages (options, popup, sidebar) may sign in or out. */
function fromExtensionPage(sender: Sender): boolean {
  // Our own origin, whatever the browser calls its scheme (chrome-extension://, moz-extension://).
  return sender.id === browser.runtime.id && (sender.url ?? '').startsWith(browser.runtime.getURL('/'));
}


/** Dispatches one runtime message; unknown or malformed messages get no answer. */
export async function handleMessage(
  raw: unknown,
  sender: Sender,
  deps: Deps,
): Promise<RuntimeResponses[keyof RuntimeResponses] | undefined> {
  if (sender.id !== browser.runtime.id) return undefined;
  const parsed = runtimeRequestSchema.safeParse(raw);
  if (!parsed.success) {
    // A content script lives in a hostile page: a malformed context is dropped, never shown.
    console.warn('[inbox-crm] dropped a malformed message:', parsed.error.issues[0]?.message);
    return undefined;
  }
  const message = parsed.data;
  switch (message.type) {
    case 'host-context': {
      const from = await contentSenderOf(sender);
      const stored = from === null ? null : await storeTabContext(from, message.context);
      if (stored?.kind === 'thread') inBackground(deps.db, 'conversation rules', () => applyThreadRules(deps, stored));
      return { ok: stored !== null };
    }
    case 'get-nonce': {
      const from = await contentSenderOf(sender);
      return from === null ? undefined : { nonce: await issueNonce(from.tabId) };
    }
    case 'check-nonce': {
      const tabId = sender.tab?.id;
      const ok = fromExtensionPage(sender) && tabId !== undefined && (await consumeNonce(tabId, message.nonce));
      return { ok };
    }
    case 'get-last-context': {
      const tabId = sender.tab?.id;
      return { context: fromExtensionPage(sender) && tabId !== undefined ? await lastTabContext(tabId) : null };
    }
    case 'sync-now':
      syncSoon(deps);
      return { ok: true };
    case 'retry-sync':
      inBackground(deps.db, 'sync', () => deps.engine.retryIfWaiting());
      return { ok: true };
    case 'sign-in': {
      if (!fromExtensionPage(sender)) return undefined;
      const result = await signIn(deps.db, message);
      if (result.ok) syncSoon(deps);
      return result;
    }
    case 'sign-out':
      if (!fromExtensionPage(sender)) return undefined;
      await signOut(deps.db, deps.engine);
      announceReplicaChanged();
      return { ok: true };
    case 'replica-query':
      if (!fromExtensionPage(sender)) return undefined;
      return { value: await answerReplicaQuery(deps.db, message.request) };
    case 'replica-mutate': {
      if (!fromExtensionPage(sender)) return undefined;
      try {
        await runReplicaMutation(deps.db, message.request);
      } catch (error) {
        // Invalid values: nothing was written; the sidebar shows why next to each field.
        const issues = invalidValueIssues(error);
        if (issues) return { ok: false, issues };
        // A service or visit rule refused the step: what is needed, for the form.
        if (error instanceof RuleRefusal) return { ok: false, refused: error.problems };
        throw error;
      }
      announceReplicaChanged();
      syncSoon(deps);
      return { ok: true };
    }
    case 'import-inspect':
      return fromExtensionPage(sender) ? importCalls.inspect(deps.db, message.input) : undefined;
    case 'import-plan':
      return fromExtensionPage(sender) ? importCalls.plan(deps.db, message.input) : undefined;
    case 'admin-call': {
      if (!fromExtensionPage(sender)) return undefined;
      const result = await adminCall(deps.db, message.request);
      // New people, roles and departments reach this replica (names, pickers) by the pull.
      if (result.ok && message.request.call !== 'users.list' && message.request.call !== 'audit.list') syncSoon(deps);
      return result;
    }
    case 'open-side-panel':
      // Before any await: the click's user activation must still hold (sidePanel.open needs it).
      return { ok: await openSidePanel(sender) };
    case 'portal-approve':
      return fromExtensionPage(sender) ? { ok: await approveInOrder(message.origin, message.tabId) } : undefined;
    case 'portal-revoke':
      if (!fromExtensionPage(sender)) return undefined;
      await revokeApproval(deps.db, message.origin);
      return { ok: true };
    case 'portal-pick': {
      const from = await contentSenderOf(sender);
      if (from?.host !== 'portal') return undefined;
      await addPickedRecogniser(from.origin, message.kind, message.selector);
      return { ok: true };
    }
    case 'portal-problem': {
      const from = await contentSenderOf(sender);
      if (from?.host !== 'portal') return undefined;
      await reportProblems(from.origin, message.reasons);
      return { ok: true };
    }
    case 'import-apply': {
      if (!fromExtensionPage(sender)) return undefined;
      const result = await importCalls.apply(deps.db, message.input);
      // The imported rows reach this replica (and every other) through the normal pull.
      if (result.ok) syncSoon(deps);
      return result;
    }
    case 'timeline-page':
      return fromExtensionPage(sender) ? serverTimelinePage(deps.db, message.input) : undefined;
    case 'mail-call': {
      if (!fromExtensionPage(sender)) return undefined;
      const result = await runMailCall(deps.db, message.request, async (url) => void (await browser.tabs.create({ url })));
      // Account and timeline changes reach the replica through the normal pull.
      if (result.ok) syncSoon(deps);
      return result;
    }
    // Issue 9: read-only, so nothing to sync afterwards.
    case 'report-call':
      return fromExtensionPage(sender) ? reportCall(deps.db, message.request) : undefined;
  }
}

/** A sync after the answer; it never delays it, and a failure is recorded, not lost. */
function syncSoon(deps: Deps): void {
  inBackground(deps.db, 'sync', () => deps.engine.requestSync());
}

/** Conversation rules run after the answer: they never delay the content script. */
async function applyThreadRules(deps: Deps, context: ThreadContext): Promise<void> {
  if (!(await getMeta(deps.db, 'session'))) return;
  if (!(await runThreadRules(deps.db, context))) return;
  announceReplicaChanged();
  syncSoon(deps);
}

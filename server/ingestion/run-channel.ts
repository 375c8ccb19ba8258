import type { Store } from '../storage/repositories/index';
import type { MailAccountRow } from '../storage/repositories/mail-accounts';
import type { SyncChannelRow } from '../storage/repositories/sync-channels';
import { decide, withRetries, type RetryPolicy } from './handle-provider-error';
import type { OrgContext } from './link-items';
import { emitMessageLinked, type MessageLinkedListener } from './message-linked';
import type { Connection, PageRequest } from './provider';
import { ProviderError } from './provider-error';
import { storePage, type AnyPage } from './store-page';

export type ChannelRunDeps = {
  store: Store;
  listeners: readonly MessageLinkedListener[];
  windowDays: number;
  pagesPerRun: number;
  intervalMs: number;
  policy?: RetryPolicy;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  log: (message: string, error: unknown) => void;
};

export type ChannelRunResult = {
  linked: number;
  pages: number;
  /** done: pass complete; more: page budget used up (runs again soon); error: see the channel row. */
  outcome: 'done' | 'more' | 'error' | 'reconnect';
};

/** Plain words for the health line; the provider's own text stays in the server log. */
const ERROR_TEXT: Record<string, string> = {
  temporary: 'The provider did not answer; trying again shortly.',
  'rate-limited': 'The provider asked us to slow down; trying again shortly.',
  'cursor-invalid': 'The provider asked for a full resynchronisation.',
  'auth-revoked': 'Access was revoked or expired. Reconnect the account.',
  'insufficient-permissions': 'Access to mail or calendar was not granted. Reconnect and allow it.',
  'not-found': 'The folder or calendar no longer exists.',
  unknown: 'An unexpected error; trying again later.',
};

/**
 * Runs one channel from its stored checkpoint: pages until the pass completes or the page
 * budget is used. Every decision about a failure comes from handle-provider-error.ts.
 */
export async function runChannel(
  deps: ChannelRunDeps,
  { account, connection, webHost }: { account: MailAccountRow; connection: Connection; webHost: string },
  channel: SyncChannelRow,
  org: OrgContext,
  now: Date,
  signal: AbortSignal,
): Promise<ChannelRunResult> {
  const fetchPage = (request: PageRequest): Promise<AnyPage> =>
    channel.kind === 'mail'
      ? connection.mail.fetchPage(request).then((page) => ({ kind: 'mail', page }))
      : connection.calendar.fetchPage(request).then((page) => ({ kind: 'calendar', page }));
  const box = {
    accountId: account.id,
    orgId: account.orgId,
    userId: account.userId,
    provider: account.provider,
    sharing: account.sharing,
    address: account.address,
    webHost,
  };
  const windowStart = new Date(now.getTime() - deps.windowDays * 24 * 3600 * 1000);
  const retryOptions = { signal, ...(deps.policy ? { policy: deps.policy } : {}), ...(deps.sleep ? { sleep: deps.sleep } : {}) };
  let current = channel;
  let linked = 0;
  let pages = 0;
  let resynced = false;
  const finish = async (outcome: ChannelRunResult['outcome'], error: unknown, delayMs: number) => {
    const kind = error instanceof ProviderError ? error.kind : error ? 'unknown' : null;
    if (error) deps.log(`[ingestion] ${account.provider} ${account.address} ${channel.kind}:${channel.resource}:`, error);
    await deps.store.repos.syncChannels.finishRun(channel.id, {
      at: now,
      success: error === null,
      nextRunAt: new Date(Date.now() + delayMs),
      errorKind: kind,
      errorMessage: kind ? ERROR_TEXT[kind]! : null,
    });
    return { linked, pages, outcome };
  };

  // The next page is fetched while the current one is stored: network and database overlap.
  // A prefetch that fails surfaces at the next await and goes through the same decision.
  let prefetch: Promise<AnyPage> | null = null;
  const requestFor = (at: SyncChannelRow): PageRequest => ({
    resource: at.resource,
    cursor: at.cursor,
    state: at.checkpoint,
    windowStart,
    signal,
    attempt: (request) => withRetries(request, retryOptions),
  });
  while (pages < deps.pagesPerRun) {
    if (signal.aborted) return finish('more', null, 0);
    let fetched: AnyPage;
    try {
      fetched = await (prefetch ?? fetchPage(requestFor(current)));
    } catch (error) {
      prefetch = null;
      if (signal.aborted) return finish('more', null, 0);
      const decision = decide(error, Number.MAX_SAFE_INTEGER, deps.policy);
      if (decision.action === 'resync' && !resynced) {
        // Forget the cursor and import the window again; upserts make it add only what is missing.
        resynced = true;
        await deps.store.repos.syncChannels.resetCursor(channel.id);
        current = { ...current, cursor: null, checkpoint: null };
        continue;
      }
      if (decision.action === 'reconnect') {
        await deps.store.repos.mailAccounts.setStatus(account.id, 'reconnect');
        return finish('reconnect', error, deps.intervalMs);
      }
      return finish('error', error, decision.action === 'defer' || decision.action === 'retry' ? decision.delayMs : deps.intervalMs);
    }
    const next: AnyPage['page']['next'] = fetched.page.next;
    const after: SyncChannelRow = 'cursor' in next ? { ...current, cursor: next.cursor, checkpoint: null } : { ...current, checkpoint: next.state };
    prefetch = 'state' in next && pages + 1 < deps.pagesPerRun ? fetchPage(requestFor(after)) : null;
    prefetch?.catch(() => undefined);
    const stored = await deps.store.transaction((repos) => storePage(repos, box, current, org, fetched));
    await emitMessageLinked(deps.listeners, stored.events, deps.store, deps.log);
    pages++;
    linked += stored.linked;
    current = after;
    if ('cursor' in next) return finish('done', null, deps.intervalMs);
  }
  return finish('more', null, 0);
}

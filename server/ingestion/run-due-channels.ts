import type { Store } from '../storage/repositories/index';
import type { MailAccountRow } from '../storage/repositories/mail-accounts';
import type { IngestionDeps } from './ingestion-deps';
import { openConnection } from './account-connection';
import { orgContextOf, type OrgContext } from './link-items';
import type { Connection } from './provider';
import { providerOf } from './registry';
import { runChannel, type ChannelRunDeps } from './run-channel';

export type RunDueOptions = {
  now: Date;
  signal: AbortSignal;
  /** Stop starting new channel runs after this long (the scheduler's next tick continues). */
  budgetMs?: number;
  /** Tests: no waiting between retries. */
  sleep?: ChannelRunDeps['sleep'];
  log?: (message: string, error: unknown) => void;
};

export type RunDueSummary = { channels: number; linked: number };

/**
 * The ingestion job's body: every due channel of every active account, one at a time, until
 * none is due or the budget is spent. All state is read from and written to the database, so
 * any process may run it (issue 8 wraps a lease around each channel).
 */
export async function runDueChannels(store: Store, deps: IngestionDeps, options: RunDueOptions): Promise<RunDueSummary> {
  const log = options.log ?? ((message, error) => console.error(message, error));
  const started = Date.now();
  const budget = options.budgetMs ?? 5 * 60_000;
  const runDeps: ChannelRunDeps = {
    store,
    listeners: deps.listeners,
    windowDays: deps.config.firstWindowDays,
    pagesPerRun: deps.config.pagesPerRun,
    intervalMs: deps.config.intervalMs,
    log,
    ...(options.sleep ? { sleep: options.sleep } : {}),
  };
  const accounts = new Map<string, { account: MailAccountRow; connection: Connection | null; org: OrgContext; webHost: string }>();
  let channels = 0;
  let linked = 0;
  for (;;) {
    if (options.signal.aborted || Date.now() - started > budget) break;
    const due = await store.repos.syncChannels.listDue(new Date(), 50);
    // Nothing due, or nothing of it runnable (a channel skipped below stays due): done for now.
    let ran = 0;
    for (const channel of due) {
      if (options.signal.aborted || Date.now() - started > budget) break;
      let entry = accounts.get(channel.accountId);
      if (!entry) {
        const account = await store.repos.mailAccounts.get(channel.orgId, channel.accountId);
        if (!account) continue;
        const [addresses, neverLog] = await Promise.all([
          store.repos.mailAccounts.addressesOfOrg(account.orgId),
          store.repos.neverLog.listFor(account.orgId, account.userId),
        ]);
        let connection: Connection | null = null;
        try {
          connection = openConnection(store, deps, account);
        } catch (error) {
          // A token sealed with another key (CRM_TOKEN_KEY changed): only a reconnect helps.
          log(`[ingestion] cannot open the stored token of ${account.address}:`, error);
          await store.repos.mailAccounts.setStatus(account.id, 'reconnect');
        }
        entry = { account, connection, org: orgContextOf(addresses, neverLog), webHost: providerOf(deps.providers, account.provider).webHost };
        accounts.set(channel.accountId, entry);
      }
      if (!entry.connection || entry.account.status !== 'active') continue;
      // An account turned "reconnect" by an earlier channel of this run stops here too.
      const fresh = await store.repos.mailAccounts.get(entry.account.orgId, entry.account.id);
      if (fresh?.status !== 'active') continue;
      const mailbox = { account: entry.account, connection: entry.connection, webHost: entry.webHost };
      const result = await runChannel(runDeps, mailbox, channel, entry.org, options.now, options.signal);
      ran++;
      channels++;
      linked += result.linked;
    }
    if (ran === 0) break;
  }
  // One health change per account touched: the owner's sidebar and options page show it.
  for (const { account } of accounts.values()) {
    await store.transaction((repos) => repos.changeLog.append(account.orgId, 'mailAccount', account.id, 'upsert'));
  }
  return { channels, linked };
}

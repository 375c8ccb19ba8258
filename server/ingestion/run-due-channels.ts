import { keepLease, LeaseLostError, leaseSettingsFromEnv, type LeaseSettings } from '../jobs/lease';
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
  /** Who this worker is and its lease length; default: this process (CRM_LEASE_MS). */
  lease?: LeaseSettings;
};

export type RunDueSummary = { channels: number; linked: number };

/**
 * The ingestion job's body: every due channel of every active account, one at a time, until
 * none is due or the budget is spent. All state is in the database. Several workers run this at
 * once: each channel is leased to one of them (claimDue), the lease is renewed while the
 * channel runs and checked by every commit, and a crashed worker's channels are taken over once
 * their leases expire.
 */
export async function runDueChannels(store: Store, deps: IngestionDeps, options: RunDueOptions): Promise<RunDueSummary> {
  const log = options.log ?? ((message, error) => console.error(message, error));
  const started = Date.now();
  const budget = options.budgetMs ?? 5 * 60_000;
  const lease = options.lease ?? leaseSettingsFromEnv();
  const runDeps: ChannelRunDeps = {
    store,
    listeners: deps.listeners,
    windowDays: deps.config.firstWindowDays,
    pagesPerRun: deps.config.pagesPerRun,
    intervalMs: deps.config.intervalMs,
    lease,
    log,
    ...(options.sleep ? { sleep: options.sleep } : {}),
  };
  const accounts = new Map<string, { account: MailAccountRow; connection: Connection | null; org: OrgContext; webHost: string }>();
  let channels = 0;
  let linked = 0;
  const accountEntry = async (channel: { orgId: string; accountId: string }) => {
    const cached = accounts.get(channel.accountId);
    if (cached) return cached;
    const account = await store.repos.mailAccounts.get(channel.orgId, channel.accountId);
    if (!account) return null;
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
    const entry = { account, connection, org: orgContextOf(addresses, neverLog), webHost: providerOf(deps.providers, account.provider).webHost };
    accounts.set(channel.accountId, entry);
    return entry;
  };
  // Channels this run could not start (their account cannot connect): not claimed again.
  const skipped: string[] = [];
  while (!options.signal.aborted && Date.now() - started <= budget) {
    const channel = await store.repos.syncChannels.claimDue(new Date(), lease.owner, lease.leaseMs, skipped);
    if (!channel) break;
    const entry = await accountEntry(channel);
    // An account turned "reconnect" by an earlier channel (here or in another worker) stops here too.
    const fresh = entry && (await store.repos.mailAccounts.get(entry.account.orgId, entry.account.id));
    if (!entry?.connection || fresh?.status !== 'active') {
      skipped.push(channel.id);
      await store.repos.syncChannels.releaseLease(channel.id, lease.owner);
      continue;
    }
    const held = keepLease(() => store.repos.syncChannels.holdLease(channel.id, lease.owner, lease.leaseMs), lease.leaseMs, options.signal, log);
    try {
      const mailbox = { account: entry.account, connection: entry.connection, webHost: entry.webHost };
      const result = await runChannel(runDeps, mailbox, channel, entry.org, options.now, held.signal);
      channels++;
      linked += result.linked;
    } catch (error) {
      if (!(error instanceof LeaseLostError)) {
        // The database failed mid-run: hand the channel back now rather than when the lease runs out.
        await store.repos.syncChannels.releaseLease(channel.id, lease.owner).catch(() => undefined);
        throw error;
      }
      log(`[ingestion] channel ${channel.id} continues in another worker:`, error);
    } finally {
      held.stop();
    }
  }
  // One health change per account touched: the owner's sidebar and options page show it.
  for (const { account } of accounts.values()) {
    await store.transaction((repos) => repos.changeLog.append(account.orgId, 'mailAccount', account.id, 'upsert'));
  }
  return { channels, linked };
}

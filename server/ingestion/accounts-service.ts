import type { AccountUpdateInput } from '../../shared/schemas/mail-account';
import { actorOf, type AuthedUser } from '../domain/auth-service';
import { DomainError } from '../domain/errors';
import type { Repositories, Store } from '../storage/repositories/index';
import { openConnection } from './account-connection';
import { channelRowsFor } from './account-channels';
import { sharingLevel } from './account-views';
import type { IngestionDeps } from './ingestion-deps';
import { ProviderError } from './provider-error';
import { providerOf } from './registry';

/** The user's own connected accounts: settings, calendars, disconnect. Another user's account is "not found". */
export function accountsService(store: Store, deps: IngestionDeps, clock: () => Date) {
  async function ownAccount(repos: Repositories, user: AuthedUser, accountId: string) {
    const account = await repos.mailAccounts.get(user.orgId, accountId);
    if (!account || account.userId !== user.id || account.status === 'disconnected') {
      throw new DomainError('NOT_FOUND', 'no such connected account');
    }
    return account;
  }

  return {
    /** Tokens are deleted; imported items stay (their other mailboxes and the timeline keep them). */
    async disconnect(user: AuthedUser, accountId: string): Promise<void> {
      await store.transaction(async (repos) => {
        const account = await ownAccount(repos, user, accountId);
        await repos.mailAccounts.setStatus(account.id, 'disconnected');
        await repos.syncChannels.reconcile(account.orgId, account.id, []);
        await repos.changeLog.append(account.orgId, 'mailAccount', account.id, 'upsert');
      }, actorOf(user, 'mail.disconnect'));
    },

    async update(user: AuthedUser, input: AccountUpdateInput): Promise<void> {
      await store.transaction(async (repos) => {
        const account = await ownAccount(repos, user, input.accountId);
        const settings = {
          calendars: input.calendars ?? account.settings.calendars,
          mailFolders: input.mailFolders ?? account.settings.mailFolders,
        };
        await repos.mailAccounts.update(account.id, {
          ...(input.sharing ? { sharing: sharingLevel(input.sharing) } : {}),
          settings,
        });
        const provider = providerOf(deps.providers, account.provider);
        await repos.syncChannels.reconcile(account.orgId, account.id, channelRowsFor(provider, settings));
        if (input.calendars || input.mailFolders) await repos.syncChannels.wakeAccount(account.id, clock());
        // Colleagues' replicas learn about a wider or narrower sharing through the change log.
        const changed = input.sharing ? await repos.importedItems.refreshSharing(account.id) : [];
        await repos.changeLog.appendMany(account.orgId, [
          ...changed.map((id) => ({ entity: 'timelineItem' as const, entityId: id, op: 'upsert' as const })),
          { entity: 'mailAccount', entityId: account.id, op: 'upsert' },
        ]);
      }, actorOf(user, 'mail.update'));
    },

    /** The account's calendars, asked of the provider now (for the options page's choice). */
    async calendars(user: AuthedUser, accountId: string) {
      const account = await ownAccount(store.repos, user, accountId);
      const connection = openConnection(store, deps, account);
      if (!connection) throw new DomainError('NOT_FOUND', 'no such connected account');
      try {
        return await connection.calendar.listCalendars(AbortSignal.timeout(deps.config.requestTimeoutMs));
      } catch (error) {
        const kind = error instanceof ProviderError ? error.kind : 'unknown';
        throw new DomainError('CONFLICT', `The provider did not list the calendars (${kind}). Try again later.`);
      }
    },

    /** Every channel of the account runs at the next ingestion tick. */
    async syncNow(user: AuthedUser, accountId: string): Promise<void> {
      const account = await ownAccount(store.repos, user, accountId);
      await store.repos.syncChannels.wakeAccount(account.id, clock());
    },
  };
}

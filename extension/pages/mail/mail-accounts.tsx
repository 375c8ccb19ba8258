import { useEffect, useState } from 'preact/hooks';
import type { MailAccount } from '../../../shared/schemas/mail-account';
import { MAIL_SHARING_LEVELS, type MailSharing } from '../../../shared/schemas/timeline';
import { formatDateTime, t, type MessageKey } from '../../i18n';
import { getLocalDb } from '../../local-db/db';
import { live } from '../../local-db/live';
import { mailAccounts } from '../../local-db/queries/mail-accounts';
import { useLive } from '../../sidebar/hooks/use-live';
import { CalendarChoice } from './calendar-choice';
import { mailCall } from './mail-call';

/** Options page: connect Google / Microsoft, and per account its channels' health and settings. */
export function MailAccounts() {
  const accounts = useLive(() => live(() => mailAccounts(getLocalDb())), []);
  const [providers, setProviders] = useState<{ id: MailAccount['provider']; configured: boolean }[] | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = (action: () => Promise<unknown>, after?: string) => {
    setError(null);
    void action().then(
      () => setNote(after ?? null),
      (e: unknown) => setError(t('mail.call.failed', { reason: e instanceof Error ? e.message : String(e) })),
    );
  };
  const connect = (provider: MailAccount['provider']) => run(() => mailCall({ call: 'connect', provider }), t('mail.connecting'));
  useEffect(() => {
    mailCall<typeof providers>({ call: 'providers' }).then(setProviders, () => setProviders([]));
  }, []);
  return (
    <section class="panel" data-testid="mail-accounts">
      <h2>{t('mail.title')}</h2>
      <p class="muted">{t('mail.hint')}</p>
      <div class="row">
        {(providers ?? []).map((p) =>
          p.configured ? (
            <button key={p.id} type="button" data-testid={`connect-${p.id}`} onClick={() => connect(p.id)}>
              {t(`mail.connect.${p.id}`)}
            </button>
          ) : (
            <span key={p.id} class="muted" data-testid={`not-configured-${p.id}`}>
              {t('mail.notConfigured', { provider: t(`mail.provider.${p.id}`) })}
            </span>
          ),
        )}
      </div>
      {note && <p class="muted" role="status">{note}</p>}
      {error && <p class="error" role="alert">{error}</p>}
      {accounts && accounts.length === 0 && <p class="muted">{t('mail.none')}</p>}
      {(accounts ?? []).map((account) => (
        <Account key={account.id} account={account} run={run} onReconnect={() => connect(account.provider)} />
      ))}
    </section>
  );
}

type Run = (action: () => Promise<unknown>, after?: string) => void;

function Account({ account, run, onReconnect }: { account: MailAccount; run: Run; onReconnect: () => void }) {
  const [choosing, setChoosing] = useState(false);
  return (
    <div class="mail-account" data-testid="mail-account" data-address={account.address} data-status={account.status}>
      <h3>
        {t(`mail.provider.${account.provider}` as MessageKey)} · {account.address}
      </h3>
      {account.status === 'reconnect' && (
        <p class="error" role="alert">
          {t('mail.error.auth-revoked')}{' '}
          <button type="button" data-testid="account-reconnect" onClick={onReconnect}>{t('mail.reconnect')}</button>
        </p>
      )}
      <ul class="channels">
        {account.channels.map((c) => (
          <li key={c.id} data-testid="channel" data-kind={c.kind} data-error={c.errorKind ?? ''}>
            <strong>{c.label}</strong>
            {' · '}
            {c.lastSuccessAt ? t('mail.channel.lastSync', { time: formatDateTime(c.lastSuccessAt) }) : t('mail.channel.never')}
            {' · '}
            <span data-testid="channel-imported">{t('mail.channel.imported', { count: c.itemsImported })}</span>
            {c.backlog ? ` · ${t('mail.channel.backlog', { count: c.backlog })}` : ''}
            {c.errorKind && <span class="error"> · {t(`mail.error.${c.errorKind}` as MessageKey)}</span>}
          </li>
        ))}
      </ul>
      <label class="row">
        <span>{t('mail.sharing')}</span>
        <select
          data-testid="account-sharing"
          value={account.sharing}
          onChange={(e) => run(() => mailCall({ call: 'update', input: { accountId: account.id, sharing: e.currentTarget.value as MailSharing } }))}
        >
          {MAIL_SHARING_LEVELS.map((level) => (
            <option key={level} value={level}>{t(`mail.sharing.${level}` as MessageKey)}</option>
          ))}
        </select>
      </label>
      <div class="row">
        <button type="button" data-testid="account-sync-now" onClick={() => run(() => mailCall({ call: 'sync-now', accountId: account.id }))}>
          {t('mail.syncNow')}
        </button>
        <button type="button" onClick={() => setChoosing(!choosing)}>{t('mail.calendars.choose')}</button>
        <button
          type="button"
          data-testid="account-disconnect"
          onClick={() => {
            if (window.confirm(t('mail.confirmDisconnect', { address: account.address }))) run(() => mailCall({ call: 'disconnect', accountId: account.id }));
          }}
        >
          {t('mail.disconnect')}
        </button>
      </div>
      {choosing && <CalendarChoice account={account} run={run} onDone={() => setChoosing(false)} />}
    </div>
  );
}

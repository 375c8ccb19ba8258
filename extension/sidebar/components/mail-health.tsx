import { useState } from 'preact/hooks';
import type { MailAccount } from '../../../shared/schemas/mail-account';
import { formatTime, t, type MessageKey } from '../../i18n';
import { useSidebarData } from '../data/sidebar-data';
import { useLive } from '../hooks/use-live';

/** The newest successful import over every channel, or null. */
export function lastImportOf(accounts: MailAccount[]): string | null {
  const times = accounts.flatMap((a) => a.channels.map((c) => c.lastSuccessAt)).filter((x): x is string => x !== null);
  return times.sort().at(-1) ?? null;
}

/** The first problem of an account in plain words (reconnect first), or null when all is well. */
export function problemOf(account: MailAccount): string | null {
  if (account.status === 'reconnect') return t('mail.error.auth-revoked');
  const failing = account.channels.find((c) => c.errorKind !== null);
  return failing ? t(`mail.error.${failing.errorKind}` as MessageKey) : null;
}

/**
 * One line under the sidebar: when mail was last imported, or what is wrong with which account
 * and a "reconnect" button when only the user can fix it. Nothing when no account is connected.
 */
export function MailHealth() {
  const data = useSidebarData();
  const accounts = useLive(() => data.mailAccounts(), []);
  const [error, setError] = useState<string | null>(null);
  if (!accounts || accounts.length === 0) return null;
  const troubled = accounts.filter((a) => problemOf(a) !== null);
  const last = lastImportOf(accounts);
  return (
    <div class="mail-health" data-testid="mail-health" data-state={troubled.length > 0 ? 'problem' : 'ok'}>
      {troubled.length === 0 && <p class="muted">{last ? t('mail.health.ok', { time: formatTime(last) }) : t('mail.health.never')}</p>}
      {troubled.map((account) => (
        <p key={account.id} class="mail-problem" role="status">
          {t('mail.health.problem', { address: account.address, problem: problemOf(account)! })}{' '}
          {account.status === 'reconnect' && (
            <button
              type="button"
              data-testid="mail-reconnect"
              onClick={() => void data.reconnect(account.provider).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))}
            >
              {t('mail.reconnect')}
            </button>
          )}
        </p>
      ))}
      {error && <p class="error">{t('mail.call.failed', { reason: error })}</p>}
    </div>
  );
}

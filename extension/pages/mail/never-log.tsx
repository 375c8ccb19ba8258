import { useEffect, useState } from 'preact/hooks';
import type { NeverLogEntry } from '../../../shared/schemas/mail-account';
import type { Role } from '../../../shared/schemas/member';
import { t } from '../../i18n';
import { mailCall } from './mail-call';

/** Options page: the never-log list (personal entries; organisation-wide ones for admins). */
export function NeverLog({ role }: { role: Role }) {
  const [entries, setEntries] = useState<NeverLogEntry[] | null>(null);
  const [value, setValue] = useState('');
  const [scope, setScope] = useState<'personal' | 'organisation'>('personal');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fail = (e: unknown) => setError(t('mail.call.failed', { reason: e instanceof Error ? e.message : String(e) }));
  const reload = () => mailCall<NeverLogEntry[]>({ call: 'never-log-list' }).then(setEntries, fail);
  useEffect(() => void reload(), []);

  const add = (event: Event) => {
    event.preventDefault();
    setError(null);
    const text = value.trim();
    const input = text.includes('@') ? { kind: 'address' as const, value: text, scope } : { kind: 'domain' as const, value: text, scope };
    mailCall<{ removedItems: number }>({ call: 'never-log-add', input }).then((result) => {
      setValue('');
      setMessage(t('neverLog.removed', { count: result.removedItems }));
      return reload();
    }, fail);
  };
  return (
    <section class="panel" data-testid="never-log">
      <h2>{t('neverLog.title')}</h2>
      <p class="muted">{t('neverLog.hint')}</p>
      <form class="row" onSubmit={add}>
        <input name="neverLogValue" placeholder={t('neverLog.value')} value={value} onInput={(e) => setValue(e.currentTarget.value)} />
        {role === 'admin' && (
          <select name="neverLogScope" value={scope} onChange={(e) => setScope(e.currentTarget.value as typeof scope)}>
            <option value="personal">{t('neverLog.scope.personal')}</option>
            <option value="organisation">{t('neverLog.scope.organisation')}</option>
          </select>
        )}
        <button type="submit" data-testid="never-log-add" disabled={value.trim() === ''}>{t('neverLog.add')}</button>
      </form>
      {message && <p class="muted" role="status">{message}</p>}
      {error && <p class="error" role="alert">{error}</p>}
      {entries && entries.length === 0 && <p class="muted">{t('neverLog.empty')}</p>}
      <ul>
        {(entries ?? []).map((entry) => (
          <li key={entry.id} data-testid="never-log-entry">
            {entry.value} · {t(`neverLog.scope.${entry.scope}`)}{' '}
            {(entry.scope === 'personal' || role === 'admin') && (
              <button type="button" onClick={() => void mailCall({ call: 'never-log-remove', id: entry.id }).then(reload, fail)}>
                {t('neverLog.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

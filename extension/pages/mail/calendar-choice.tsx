import { useEffect, useState } from 'preact/hooks';
import type { MailAccount } from '../../../shared/schemas/mail-account';
import { t } from '../../i18n';
import { mailCall } from './mail-call';

type Calendar = { id: string; name: string; primary: boolean };

/** Which of the account's calendars to import (asked of the provider now). */
export function CalendarChoice(props: { account: MailAccount; run: (action: () => Promise<unknown>) => void; onDone: () => void }) {
  const { account } = props;
  const [calendars, setCalendars] = useState<Calendar[] | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set(account.calendars.map((c) => c.id)));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    mailCall<Calendar[]>({ call: 'calendars', accountId: account.id }).then(
      (list) => {
        setCalendars(list);
        if (account.calendars.length === 0) setChosen(new Set(list.filter((c) => c.primary).map((c) => c.id)));
      },
      (e: unknown) => setError(t('mail.call.failed', { reason: e instanceof Error ? e.message : String(e) })),
    );
  }, [account.id]);
  if (error) return <p class="error">{error}</p>;
  if (!calendars) return <p class="muted">…</p>;
  return (
    <fieldset data-testid="calendar-choice">
      <legend>{t('mail.calendars')}</legend>
      {calendars.map((c) => (
        <label key={c.id} class="row">
          <input
            type="checkbox"
            checked={chosen.has(c.id)}
            onChange={(e) => {
              const next = new Set(chosen);
              if (e.currentTarget.checked) next.add(c.id);
              else next.delete(c.id);
              setChosen(next);
            }}
          />
          <span>{c.name}</span>
        </label>
      ))}
      <button
        type="button"
        onClick={() => {
          const selected = calendars.filter((c) => chosen.has(c.id)).map(({ id, name }) => ({ id, name }));
          props.run(() => mailCall({ call: 'update', input: { accountId: account.id, calendars: selected } }));
          props.onDone();
        }}
      >
        {t('mail.calendars.save')}
      </button>
    </fieldset>
  );
}

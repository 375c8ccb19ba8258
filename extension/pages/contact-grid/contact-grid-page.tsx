import { useState } from 'preact/hooks';
import type { GridMonth } from '../../../shared/domain/contact-grid';
import { localDateOf, weekdayOf } from '../../../shared/domain/zoned-time';
import { t } from '../../i18n';
import { getLocalDb } from '../../local-db/db';
import { live } from '../../local-db/live';
import { contactGridOf, type GridScope } from '../../local-db/queries/contact-grid';
import { userTimeZone } from '../../sidebar/follow-ups/due-time';
import { useLive } from '../../sidebar/hooks/use-live';
import { openCustomerPage } from '../open-page';
import '../../sidebar/follow-ups/follow-ups.css';

/**
 * The monthly contact grid (DOMAIN.md "Follow-ups"): the user's customers (or everyone's) × the
 * days of a month, ticked on the days they were touched, in the user's zone. Its own page: it is
 * wider than the sidebar and reads every customer's month, which the sidebar must not wait for.
 */
export function ContactGridPage() {
  const zone = userTimeZone();
  const [month, setMonth] = useState(localDateOf(new Date(), zone).slice(0, 7));
  const [scope, setScope] = useState<GridScope>('mine');
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
  const grid = useLive(() => live(() => contactGridOf(getLocalDb(), month as GridMonth, zone, scope)), [valid ? month : '', scope]);
  return (
    <div class="page grid-page" data-testid="contact-grid-page">
      <h1>{t('grid.title')}</h1>
      <div class="row">
        <label>
          {t('grid.month')}{' '}
          <input type="month" name="month" value={month} onInput={(e) => e.currentTarget.value && setMonth(e.currentTarget.value)} />
        </label>
        <label>
          {t('grid.scope')}{' '}
          <select name="scope" value={scope} onChange={(e) => setScope(e.currentTarget.value as GridScope)}>
            <option value="mine">{t('grid.scope.mine')}</option>
            <option value="all">{t('grid.scope.all')}</option>
          </select>
        </label>
      </div>
      <p class="muted small">{t('grid.legend', { zone })}</p>
      {grid && grid.rows.length === 0 && <p class="muted">{t('grid.empty')}</p>}
      {grid && grid.rows.length > 0 && (
        <div class="grid-wrap">
          <table class="contact-grid" data-testid="contact-grid">
            <thead>
              <tr>
                <th class="customer">{t('grid.customer')}</th>
                {grid.days.map((day) => (
                  <th key={day} class={dayClass(day, grid.today)}>
                    {Number(day.slice(8))}
                  </th>
                ))}
                <th>{t('grid.touches')}</th>
              </tr>
            </thead>
            <tbody>
              {grid.rows.map((row) => (
                <tr key={row.id} data-testid="grid-row" data-customer={row.id}>
                  <td class="customer">
                    {row.customerClass && <span class="badge">{row.customerClass}</span>}{' '}
                    <button type="button" class="link" onClick={() => openCustomerPage(row.id)}>
                      {row.name}
                    </button>
                  </td>
                  {grid.days.map((day, i) => {
                    const ticked = row.touchedDays.includes(i + 1);
                    return (
                      <td key={day} class={`${dayClass(day, grid.today)}${ticked ? ' tick' : ''}`} data-day={i + 1} data-ticked={ticked ? 'true' : undefined}>
                        {ticked ? '✓' : ''}
                      </td>
                    );
                  })}
                  <td>{row.touches}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function dayClass(day: string, today: string): string {
  return [day === today ? 'today' : '', weekdayOf(day) >= 6 ? 'weekend' : ''].filter(Boolean).join(' ');
}

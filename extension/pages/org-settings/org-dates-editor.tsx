import { v7 as uuidv7 } from 'uuid';
import { t } from '../../i18n';
import type { DateRow } from './settings-values';

/** The organisation's own dates (founding day, a trade fair…), solar or lunar, each yearly. */
export function OrgDatesEditor({ rows, error, onChange }: { rows: DateRow[]; error: string | undefined; onChange: (rows: DateRow[]) => void }) {
  const update = (i: number, change: Partial<DateRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  return (
    <div class={`field${error ? ' has-error' : ''}`} data-testid="org-dates">
      <span class="small muted-inline">{t('settings.orgDates')}</span>
      {rows.map((row, i) => (
        <div class="org-date" key={row.id}>
          <label>
            <span>{t('settings.orgDate.name')}</span>
            <input name={`orgDate-${i}-name`} value={row.name} maxLength={100} onInput={(e) => update(i, { name: e.currentTarget.value })} />
          </label>
          <label>
            <span>{t('settings.orgDate.calendar')}</span>
            <select name={`orgDate-${i}-calendar`} value={row.calendar} onChange={(e) => update(i, { calendar: e.currentTarget.value as DateRow['calendar'] })}>
              <option value="gregorian">{t('settings.orgDate.gregorian')}</option>
              <option value="lunar">{t('settings.orgDate.lunar')}</option>
            </select>
          </label>
          <label>
            <span>{t('settings.orgDate.month')}</span>
            <input name={`orgDate-${i}-month`} inputMode="numeric" value={row.month} onInput={(e) => update(i, { month: e.currentTarget.value })} />
          </label>
          <label>
            <span>{t('settings.orgDate.day')}</span>
            <input name={`orgDate-${i}-day`} inputMode="numeric" value={row.day} onInput={(e) => update(i, { day: e.currentTarget.value })} />
          </label>
          <button type="button" class="link danger" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            {t('settings.orgDate.remove')}
          </button>
        </div>
      ))}
      <button type="button" class="link" data-testid="add-org-date" onClick={() => onChange([...rows, { id: uuidv7(), name: '', calendar: 'gregorian', month: '', day: '' }])}>
        {t('settings.orgDate.add')}
      </button>
      {error && (
        <span class="field-error" data-testid="field-error" data-field="care.orgDates" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

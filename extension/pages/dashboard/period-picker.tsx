import { useState } from 'preact/hooks';
import { MAX_CUSTOM_DAYS, PERIOD_KINDS, REPORT_DATE_RANGE, reportPeriodSchema, type PeriodKind, type ReportPeriod } from '../../../shared/schemas/reports';
import { rt } from '../../i18n/reports';

/** Today as the browser's calendar shows it, `YYYY-MM-DD` (the date inputs' format). */
function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * This week, this month, last month, or a custom range of dates (both included). A custom range
 * reaches the dashboard only once it is valid by the contract's own schema; until then the
 * picker says what is wrong and the figures stay those of the last valid period.
 */
export function PeriodPicker({ initial, onChange }: { initial: PeriodKind; onChange: (period: ReportPeriod) => void }) {
  const today = localToday();
  const [range, setRange] = useState({ from: `${today.slice(0, 8)}01`, to: today });
  const [kind, setKind] = useState<PeriodKind>(initial);
  const [invalid, setInvalid] = useState(false);

  const pickCustom = (next: { from: string; to: string }) => {
    setRange(next);
    const parsed = reportPeriodSchema.safeParse({ kind: 'custom', ...next });
    setInvalid(!parsed.success);
    if (parsed.success) onChange(parsed.data);
  };
  const pickKind = (next: PeriodKind) => {
    setKind(next);
    if (next === 'custom') return pickCustom(range);
    setInvalid(false);
    onChange({ kind: next });
  };

  return (
    <fieldset class="period-picker" data-testid="period-picker">
      <legend>{rt('period.label')}</legend>
      {PERIOD_KINDS.map((k) => (
        <label key={k}>
          <input type="radio" name="period" value={k} checked={kind === k} onChange={() => pickKind(k)} />
          {rt(`period.${k}`)}
        </label>
      ))}
      {kind === 'custom' ? (
        <span class="row">
          <label>
            {rt('period.from')} <input type="date" name="from" min={REPORT_DATE_RANGE.from} max={REPORT_DATE_RANGE.to} value={range.from} onChange={(e) => pickCustom({ ...range, from: e.currentTarget.value })} />
          </label>
          <label>
            {rt('period.to')} <input type="date" name="to" min={REPORT_DATE_RANGE.from} max={REPORT_DATE_RANGE.to} value={range.to} onChange={(e) => pickCustom({ ...range, to: e.currentTarget.value })} />
          </label>
        </span>
      ) : null}
      {invalid && (
        <p class="error" role="alert" data-testid="period-invalid">
          {rt('period.invalid', { days: MAX_CUSTOM_DAYS })}
        </p>
      )}
    </fieldset>
  );
}

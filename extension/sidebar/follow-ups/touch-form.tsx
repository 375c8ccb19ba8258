import { useState } from 'preact/hooks';
import { interactionKindSchema, type InteractionKind } from '../../../shared/schemas/interaction';
import { t } from '../../i18n';
import { useSidebarData } from '../data/sidebar-data';
import { fromLocalInput, toLocalInput, userTimeZone } from './due-time';
import { SaveCancel, useFormErrors } from './form-parts';

/**
 * A call, email, meeting or visit logged by hand: it goes on the timeline as a touch and ends the
 * customer's open cadence follow-up it satisfies (a meeting or visit the visit one too).
 */
export function TouchForm({ customerId, sourceRef, onDone }: { customerId: string; sourceRef: string | null; onDone: () => void }) {
  const data = useSidebarData();
  const [kind, setKind] = useState<InteractionKind>('call');
  const [when, setWhen] = useState(toLocalInput(new Date()));
  const [summary, setSummary] = useState('');
  const { errors, setErrors, failure, fail, fieldError } = useFormErrors();

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const occurredAt = fromLocalInput(when);
    if (!occurredAt) return setErrors({ occurredAt: t('error.dueTime') });
    try {
      await data.logInteraction({ customerId, kind, occurredAt, summary, sourceRef });
      onDone();
    } catch (error) {
      fail(error);
    }
  };
  return (
    <form class="form section-form" data-testid="touch-form" onSubmit={(e) => void submit(e)} noValidate>
      <p class="small muted-inline">{t('touch.title')}</p>
      <label>
        <span>{t('touch.kind')}</span>
        <select name="kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as InteractionKind)}>
          {interactionKindSchema.options.map((k) => (
            <option key={k} value={k}>
              {t(`timeline.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label class={errors.occurredAt ? 'has-error' : ''}>
        <span>{t('touch.when')}</span>
        <input name="occurredAt" type="datetime-local" value={when} onInput={(e) => setWhen(e.currentTarget.value)} />
        <span class="hint">{t('followUps.zone', { zone: userTimeZone() })}</span>
        {fieldError('occurredAt')}
      </label>
      <label class={errors.summary ? 'has-error' : ''}>
        <span>{t('touch.summary')}</span>
        <textarea name="summary" rows={2} maxLength={10000} value={summary} onInput={(e) => setSummary(e.currentTarget.value)} />
        {fieldError('summary')}
      </label>
      <SaveCancel label={t('touch.save')} testId="save-touch" onCancel={onDone} />
      {failure && <p class="error">{failure}</p>}
    </form>
  );
}

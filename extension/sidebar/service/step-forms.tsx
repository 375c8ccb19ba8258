import { useState } from 'preact/hooks';
import { MAX_OPTIONS } from '../../../shared/domain/service-workflow';
import { feedbackTagSchema, type FeedbackTag } from '../../../shared/schemas/service-item';
import { t, type MessageKey } from '../../i18n';
import type { ServiceChangeInput } from '../../local-db/mutations/service-items';
import type { ServiceItemView } from '../../local-db/queries/service-items';
import { useSidebarData } from '../data/sidebar-data';
import type { FieldErrors } from '../forms/field-errors';
import { fromLocalInput, toLocalInput, userTimeZone } from '../zoned-format';
import { FieldError } from './field-error';
import { saveErrors } from './rule-problems';

type FormProps = { view: ServiceItemView; onDone: () => void };

/** Saves one step; the local mutation checks the shared rules first and nothing is written when they refuse. */
function useStep(id: string, onDone: () => void) {
  const data = useSidebarData();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const save = async (change: ServiceChangeInput): Promise<void> => {
    setBusy(true);
    try {
      await data.changeServiceItem(id, change);
      setErrors({});
      onDone();
    } catch (error) {
      setErrors(saveErrors(error));
    } finally {
      setBusy(false);
    }
  };
  return { errors, setErrors, busy, save };
}

/** A due time in the past is allowed only as overdue, after the user confirms the warning. */
export function PastWarning({ onConfirm }: { onConfirm: () => void }) {
  return (
    <p class="warning" data-testid="past-warning" role="alert">
      {t('service.pastWarning')}{' '}
      <button type="button" class="link" data-testid="confirm-overdue" onClick={onConfirm}>
        {t('service.saveOverdue')}
      </button>
    </p>
  );
}

/** Committed: reply to the customer at this time, whatever the progress (a new promise moves the reminder). */
export function CommitForm({ view, onDone }: FormProps) {
  const { errors, setErrors, busy, save } = useStep(view.item.id, onDone);
  const [value, setValue] = useState(view.item.promisedReplyAt ? toLocalInput(view.item.promisedReplyAt) : '');
  const [pastAt, setPastAt] = useState<string | null>(null);
  const submit = (event: Event, confirmed = false): void => {
    event.preventDefault();
    const at = fromLocalInput(value);
    if (!at) return setErrors({ promisedReplyAt: t('service.needTime') });
    if (!confirmed && Date.parse(at) < Date.now()) return setPastAt(at);
    setPastAt(null);
    void save({ kind: 'service.commit', payload: { promisedReplyAt: at } });
  };
  return (
    <form class="form step-form" data-testid="commit-form" onSubmit={(e) => submit(e)} noValidate>
      <label class={errors.promisedReplyAt ? 'has-error' : ''}>
        <span>{t('service.promisedReplyAt', { zone: userTimeZone() })}</span>
        <input type="datetime-local" name="promisedReplyAt" value={value} onInput={(e) => setValue(e.currentTarget.value)} />
        <FieldError errors={errors} field="promisedReplyAt" />
      </label>
      <p class="hint small">{t('service.commitHint')}</p>
      {pastAt && <PastWarning onConfirm={() => submit(new Event('submit'), true)} />}
      <FieldError errors={errors} field="" />
      <button type="submit" class="primary" data-testid="save-commit" disabled={busy}>
        {t('service.saveCommit')}
      </button>
    </form>
  );
}

/** Options: prepare 3-4, then record the one the customer confirms (ids stay stable across edits). */
export function OptionsForm({ view, onDone }: FormProps) {
  const { errors, busy, save } = useStep(view.item.id, onDone);
  const [options, setOptions] = useState(() => {
    // Empty slots get ids no option of the item has, so a choice is never confused with another.
    const taken = new Set(view.item.options.map((o) => o.id));
    let n = 0;
    const freeId = () => {
      do n++;
      while (taken.has(`o${n}`));
      return `o${n}`;
    };
    return Array.from({ length: MAX_OPTIONS }, (_, i) => view.item.options[i] ?? { id: freeId(), text: '' });
  });
  const [chosen, setChosen] = useState(view.item.chosenOptionId);
  const submit = (event: Event): void => {
    event.preventDefault();
    const filled = options.filter((o) => o.text.trim() !== '');
    const choice = filled.some((o) => o.id === chosen) ? chosen : null;
    void save({ kind: 'service.options', payload: { options: filled, chosenOptionId: choice } });
  };
  return (
    <form class="form step-form" data-testid="options-form" onSubmit={submit} noValidate>
      <p class="hint small">{t('service.optionsHint')}</p>
      {options.map((option, i) => (
        <div class="option-row" key={i}>
          <input
            type="radio"
            name="chosenOption"
            aria-label={t('service.customerChose')}
            disabled={option.text.trim() === ''}
            checked={option.id === chosen}
            onChange={() => setChosen(option.id)}
          />
          <input
            name={`option-${i + 1}`}
            value={option.text}
            maxLength={1000}
            placeholder={t('service.optionN', { n: i + 1 })}
            onInput={(e) => {
              const text = e.currentTarget.value;
              setOptions((all) => all.map((o, j) => (j === i ? { ...o, text } : o)));
            }}
          />
        </div>
      ))}
      <FieldError errors={errors} field="options" />
      <FieldError errors={errors} field="chosenOptionId" />
      <FieldError errors={errors} field="" />
      <button type="submit" class="primary" data-testid="save-options" disabled={busy}>
        {t('service.saveOptions')}
      </button>
    </form>
  );
}

/** Resolved: a reply AND a result, both required; satisfaction 1-5 and the feedback's tag if known. */
export function ResolveForm({ view, onDone }: FormProps) {
  const { errors, busy, save } = useStep(view.item.id, onDone);
  const [reply, setReply] = useState('');
  const [result, setResult] = useState('');
  const [satisfaction, setSatisfaction] = useState('');
  const [tag, setTag] = useState<string>(view.item.feedbackTag ?? '');
  const submit = (event: Event): void => {
    event.preventDefault();
    void save({
      kind: 'service.resolve',
      payload: {
        reply,
        result,
        satisfaction: satisfaction ? Number(satisfaction) : null,
        feedbackTag: (tag || null) as FeedbackTag | null,
        resolvedAt: new Date().toISOString(),
      },
    });
  };
  return (
    <form class="form step-form" data-testid="resolve-form" onSubmit={submit} noValidate>
      <label class={errors.reply ? 'has-error' : ''}>
        <span>{t('service.reply')}</span>
        <textarea name="reply" rows={2} maxLength={4000} value={reply} onInput={(e) => setReply(e.currentTarget.value)} />
        <FieldError errors={errors} field="reply" />
      </label>
      <label class={errors.result ? 'has-error' : ''}>
        <span>{t('service.result')}</span>
        <textarea name="result" rows={2} maxLength={4000} value={result} onInput={(e) => setResult(e.currentTarget.value)} />
        <FieldError errors={errors} field="result" />
      </label>
      <SatisfactionAndTag satisfaction={satisfaction} tag={tag} onSatisfaction={setSatisfaction} onTag={setTag} />
      <FieldError errors={errors} field="chosenOptionId" />
      <FieldError errors={errors} field="" />
      <button type="submit" class="primary" data-testid="save-resolve" disabled={busy}>
        {t('service.saveResolve')}
      </button>
    </form>
  );
}

/** A 1-5 rating and a praise / complaint / suggestion tag (resolutions and visit reports). */
export function SatisfactionAndTag(props: { satisfaction: string; tag: string; onSatisfaction: (v: string) => void; onTag: (v: string) => void }) {
  return (
    <div class="row">
      <label>
        <span>{t('service.satisfaction')}</span>
        <select name="satisfaction" value={props.satisfaction} onChange={(e) => props.onSatisfaction(e.currentTarget.value)}>
          <option value="">—</option>
          {[5, 4, 3, 2, 1].map((n) => (
            <option key={n} value={String(n)}>
              {t('service.rating', { n })}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('service.feedbackTag')}</span>
        <select name="feedbackTag" value={props.tag} onChange={(e) => props.onTag(e.currentTarget.value)}>
          <option value="">—</option>
          {feedbackTagSchema.options.map((tag) => (
            <option key={tag} value={tag}>
              {t(`service.tag.${tag}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** The steps without a form: close, and "we replied" by hand. */
export function useQuickStep(id: string) {
  return useStep(id, () => undefined);
}

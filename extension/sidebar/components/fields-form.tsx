import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { fieldErrorsOf, type FieldErrors } from '../forms/field-errors';
import type { FieldSpec, FormValues } from '../forms/field-spec';
import { FieldInput } from './field-input';

type Props = {
  specs: readonly FieldSpec[];
  initial: FormValues;
  /**
   * Writes the values (a local mutation). Throws a ZodError for invalid values, or returns the
   * problems it found itself before writing anything; null when saved (or nothing to save).
   */
  save: (values: FormValues) => Promise<FieldErrors | null>;
  onDone: () => void;
  onCancel: () => void;
  /** data-testid of the form and of its two buttons. */
  testIds: { form?: string; save: string; cancel: string };
  className?: string;
};

/**
 * The edit form every part of the customer file uses: one input per field, the reason beside
 * each refused value, and nothing written until every value is accepted.
 */
export function FieldsForm({ specs, initial, save, onDone, onCancel, testIds, className }: Props) {
  const [values, setValues] = useState<FormValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    try {
      const problems = await save(values);
      if (!problems) return onDone();
      setErrors(problems);
      setFailure(t('file.fixErrors'));
    } catch (error) {
      const fields = fieldErrorsOf(error);
      setErrors(fields ?? {});
      const reason = error instanceof Error ? error.message : String(error);
      setFailure(fields ? t('file.fixErrors') : t('unknown.saveFailed', { reason }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class={`form ${className ?? ''}`} data-testid={testIds.form} onSubmit={(e) => void submit(e)} noValidate>
      {specs.map((spec) => (
        <FieldInput
          key={spec.path}
          spec={spec}
          value={values[spec.path] ?? ''}
          error={errors[spec.path]}
          onChange={(value) => setValues((current) => ({ ...current, [spec.path]: value }))}
        />
      ))}
      {failure && (
        <p class="error" data-testid="section-error" role="alert">
          {failure}
        </p>
      )}
      <div class="row">
        <button type="submit" class="primary" data-testid={testIds.save} disabled={busy}>
          {t('file.save')}
        </button>
        <button type="button" data-testid={testIds.cancel} onClick={onCancel}>
          {t('file.cancel')}
        </button>
      </div>
    </form>
  );
}

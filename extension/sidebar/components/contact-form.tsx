import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { CONTACT_FIELDS } from '../forms/contact-fields';
import { fieldErrorsOf, type FieldErrors } from '../forms/field-errors';
import type { FormValues } from '../forms/field-spec';
import { formValuesOf } from '../forms/form-values';
import { FieldInput } from './field-input';

type Props = {
  /** The contact being edited, or undefined for a new one. */
  initial: unknown;
  /** Writes the contact from the form's values; throws a ZodError for invalid values. */
  save: (values: FormValues) => Promise<void>;
  onDone: () => void;
};

/** Add or edit a contact; refused values stay in the form with the reason beside each field. */
export function ContactForm({ initial, save, onDone }: Props) {
  const [values, setValues] = useState<FormValues>(() => formValuesOf(CONTACT_FIELDS, initial ?? {}));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    try {
      await save(values);
      onDone();
    } catch (error) {
      const fields = fieldErrorsOf(error);
      setErrors(fields ?? {});
      setFailure(fields ? t('file.fixErrors') : t('unknown.saveFailed', { reason: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="form contact-form" data-testid="contact-form" onSubmit={(e) => void submit(e)} noValidate>
      {CONTACT_FIELDS.map((spec) => (
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
        <button type="submit" class="primary" data-testid="save-contact" disabled={busy}>
          {t('file.save')}
        </button>
        <button type="button" data-testid="cancel-contact" onClick={onDone}>
          {t('file.cancel')}
        </button>
      </div>
    </form>
  );
}

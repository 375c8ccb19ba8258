import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { fieldErrorsOf, type FieldErrors } from '../forms/field-errors';

/**
 * What the follow-up forms share: the refused save shown beside each field (a ZodError from the
 * local mutation) or as a whole, and the save / cancel row.
 */
export function useFormErrors() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const fail = (error: unknown): void => {
    const fields = fieldErrorsOf(error);
    setErrors(fields ?? {});
    setFailure(fields ? t('file.fixErrors') : t('unknown.saveFailed', { reason: error instanceof Error ? error.message : String(error) }));
  };
  const fieldError = (field: string) =>
    errors[field] && (
      <span class="field-error" data-testid="field-error" data-field={field} role="alert">
        {errors[field]}
      </span>
    );
  return { errors, setErrors, failure, fail, fieldError };
}

export function SaveCancel({ label, testId, disabled, onCancel }: { label: string; testId: string; disabled?: boolean; onCancel: () => void }) {
  return (
    <div class="row">
      <button type="submit" class="primary" data-testid={testId} disabled={disabled}>
        {label}
      </button>
      <button type="button" onClick={onCancel}>
        {t('file.cancel')}
      </button>
    </div>
  );
}

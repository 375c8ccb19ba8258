import { t, type MessageKey } from '../../i18n';
import type { FieldErrors } from '../forms/field-errors';

/** The message for one field of a service or visit form ('' = the form as a whole). */
export function FieldError({ errors, field }: { errors: FieldErrors; field: string }) {
  const message = errors[field];
  if (!message) return null;
  return (
    <span class="field-error" data-testid="field-error" data-field={field || 'form'} role="alert">
      {message}
    </span>
  );
}

/** The end of a service or visit form: what stops the whole form, then save and cancel. */
export function FormEnd({ errors, save, testId, onCancel }: { errors: FieldErrors; save: MessageKey; testId: string; onCancel: () => void }) {
  return (
    <>
      <FieldError errors={errors} field="" />
      <div class="row">
        <button type="submit" class="primary" data-testid={testId}>
          {t(save)}
        </button>
        <button type="button" onClick={onCancel}>
          {t('visit.cancelEdit')}
        </button>
      </div>
    </>
  );
}

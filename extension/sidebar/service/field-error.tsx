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

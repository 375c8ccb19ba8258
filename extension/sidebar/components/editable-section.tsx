import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { t, type MessageKey } from '../../i18n';
import { fieldErrorsOf, type FieldErrors } from '../forms/field-errors';
import type { FieldSpec, FormValues } from '../forms/field-spec';
import { changedFields, formValuesOf } from '../forms/form-values';
import { FieldInput } from './field-input';
import { FieldList } from './field-value';

type Props = {
  /** data-testid = `section-<id>`. */
  id: string;
  title: MessageKey;
  specs: readonly FieldSpec[];
  record: unknown;
  /** Writes the changed fields (a local mutation); throws a ZodError for invalid values. */
  save: (changes: Record<string, unknown>) => Promise<void>;
  /** The view when not editing; the plain field list by default. */
  children?: ComponentChildren;
  /** Shown under the title in both modes. */
  hint?: MessageKey;
  /** Less used sections start folded. */
  folded?: boolean;
  /** Checks the schema cannot make alone (custom fields against their definitions). */
  check?: (changes: Record<string, unknown>) => FieldErrors | null;
};

/**
 * A section of the customer file: shown by default; "Edit" opens a form of its fields, "Save"
 * sends only what changed. Refused values stay in the form with the reason beside each field,
 * and nothing is written.
 */
export function EditableSection({ id, title, specs, record, save, children, hint, folded, check }: Props) {
  const [values, setValues] = useState<FormValues | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState(!folded);
  const editing = values !== null;

  const close = (): void => {
    setValues(null);
    setErrors({});
    setFailure(null);
  };
  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (!values) return;
    const changes = changedFields(specs, record, values);
    if (!changes) return close();
    const problems = check?.(changes);
    if (problems) {
      setErrors(problems);
      setFailure(t('file.fixErrors'));
      return;
    }
    setBusy(true);
    try {
      await save(changes);
      close();
    } catch (error) {
      const fields = fieldErrorsOf(error);
      setErrors(fields ?? {});
      setFailure(fields ? t('file.fixErrors') : t('unknown.saveFailed', { reason: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  };

  const body = editing ? (
    <form class="form section-form" onSubmit={(e) => void submit(e)} noValidate>
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
        <button type="submit" class="primary" data-testid="save-section" disabled={busy}>
          {t('file.save')}
        </button>
        <button type="button" data-testid="cancel-section" onClick={close}>
          {t('file.cancel')}
        </button>
      </div>
    </form>
  ) : (
    (children ?? <FieldList specs={specs} record={record} />)
  );

  const edit = !editing && (
    <button
      type="button"
      class="link"
      data-testid="edit-section"
      onClick={(e) => {
        e.preventDefault(); // inside <summary>: edit, do not fold
        setOpen(true);
        setValues(formValuesOf(specs, record));
      }}
    >
      {t('file.edit')}
    </button>
  );
  return (
    <details
      class="file-section"
      data-testid={`section-${id}`}
      open={open || editing}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary class="section-head">
        <span class="section-title">{t(title)}</span>
        {edit}
      </summary>
      {hint && <p class="muted small">{t(hint)}</p>}
      {body}
    </details>
  );
}

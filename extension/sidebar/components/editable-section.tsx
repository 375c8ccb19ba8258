import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { t, type MessageKey } from '../../i18n';
import type { FieldErrors } from '../forms/field-errors';
import type { FieldSpec } from '../forms/field-spec';
import { changedFields, formValuesOf } from '../forms/form-values';
import { useCanEdit } from '../can-edit';
import { FieldList } from './field-value';
import { FieldsForm } from './fields-form';

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
  const [editing, setEditing] = useState(false);
  const [open, setOpen] = useState(!folded);
  const canEdit = useCanEdit();
  const close = (): void => setEditing(false);

  const body = editing ? (
    <FieldsForm
      specs={specs}
      initial={formValuesOf(specs, record)}
      save={async (values) => {
        const changes = changedFields(specs, record, values);
        if (!changes) return null;
        const problems = check?.(changes);
        if (problems) return problems;
        await save(changes);
        return null;
      }}
      onDone={close}
      onCancel={close}
      testIds={{ save: 'save-section', cancel: 'cancel-section' }}
      className="section-form"
    />
  ) : (
    (children ?? <FieldList specs={specs} record={record} />)
  );

  const edit = !editing && canEdit && (
    <button
      type="button"
      class="link"
      data-testid="edit-section"
      onClick={(e) => {
        e.preventDefault(); // inside <summary>: edit, do not fold
        setOpen(true);
        setEditing(true);
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

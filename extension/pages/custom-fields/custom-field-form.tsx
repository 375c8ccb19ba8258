import { useState } from 'preact/hooks';
import { ZodError } from 'zod';
import { customFieldTypeSchema, type CustomFieldDefinition, type CustomFieldType } from '../../../shared/schemas/custom-field';
import { t, type MessageKey } from '../../i18n';
import { getLocalDb } from '../../local-db/db';
import { CustomFieldKeyTaken, saveCustomField } from '../../local-db/mutations/save-custom-field';

type Props = { existing: CustomFieldDefinition | null; onDone: () => void; onCancel: () => void };

/** Add or change one custom field; the key is fixed once saved (stored values are keyed by it). */
export function CustomFieldForm({ existing, onDone, onCancel }: Props) {
  const [label, setLabel] = useState(existing?.label ?? '');
  const [key, setKey] = useState(existing?.key ?? '');
  const [type, setType] = useState<CustomFieldType>(existing?.type ?? 'text');
  const [options, setOptions] = useState(existing?.options.join('\n') ?? '');
  const [errors, setErrors] = useState<string[]>([]);

  const submit = (event: Event): void => {
    event.preventDefault();
    const choices = type === 'select' ? options.split('\n').map((o) => o.trim()).filter(Boolean) : [];
    saveCustomField(getLocalDb(), { id: existing?.id, label, key: key.trim(), type, options: choices }).then(
      onDone,
      (error: unknown) => setErrors(problemsOf(error)),
    );
  };

  return (
    <form class="form" data-testid="custom-field-form" onSubmit={submit}>
      <label>
        <span>{t('fields.label')}</span>
        <input name="fieldLabel" value={label} onInput={(e) => setLabel(e.currentTarget.value)} />
      </label>
      <label>
        <span>{t('fields.key')}</span>
        <input
          name="fieldKey"
          value={key}
          disabled={existing !== null}
          placeholder="erp_id"
          onInput={(e) => setKey(e.currentTarget.value)}
        />
        <small class="muted">{t('fields.keyHint')}</small>
      </label>
      <label>
        <span>{t('fields.type')}</span>
        <select name="fieldType" value={type} onChange={(e) => setType(e.currentTarget.value as CustomFieldType)}>
          {customFieldTypeSchema.options.map((option) => (
            <option key={option} value={option}>
              {t(`fields.type.${option}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      {type === 'select' && (
        <label>
          <span>{t('fields.options')}</span>
          <textarea name="fieldOptions" rows={4} value={options} onInput={(e) => setOptions(e.currentTarget.value)} />
        </label>
      )}
      {errors.map((message) => (
        <p key={message} class="error" role="alert" data-testid="custom-field-error">
          {message}
        </p>
      ))}
      <div class="row">
        <button type="submit" class="primary" data-testid="save-custom-field">
          {t('fields.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('fields.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Zod issues as "field: message" lines (the mutation is validated before anything is written). */
function problemsOf(error: unknown): string[] {
  if (error instanceof CustomFieldKeyTaken) return [t('fields.keyTaken', { key: error.key })];
  if (!(error instanceof ZodError)) return [error instanceof Error ? error.message : String(error)];
  return error.issues.map((issue) =>
    t('fields.invalid', { field: String(issue.path.at(-1) ?? ''), message: issue.message }),
  );
}

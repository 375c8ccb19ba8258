import { t } from '../../i18n';
import { labelOf, type FieldSpec, type FormValue } from '../forms/field-spec';
import { optionText } from './field-value';

type Props = { spec: FieldSpec; value: FormValue; error?: string; onChange: (value: FormValue) => void };

/** One labelled input of a section's edit form, with its message when the value was refused. */
export function FieldInput({ spec, value, error, onChange }: Props) {
  const id = `field-${spec.path}`;
  const described = error ? `${id}-error` : undefined;
  const common = { id, name: spec.path, 'aria-invalid': error ? true : undefined, 'aria-describedby': described };
  const text = (e: { currentTarget: { value: string } }) => onChange(e.currentTarget.value);
  let input;
  switch (spec.kind) {
    case 'boolean':
      input = <input {...common} type="checkbox" checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} />;
      break;
    case 'select':
      input = (
        <select {...common} value={String(value)} onChange={text}>
          <option value="">{t('file.notSet')}</option>
          {(spec.options ?? []).map((option) => (
            <option key={option} value={String(option)}>
              {optionText(spec, option)}
            </option>
          ))}
        </select>
      );
      break;
    case 'multiline':
    case 'list':
      input = <textarea {...common} rows={spec.kind === 'list' ? 2 : 3} value={String(value)} onInput={text} />;
      break;
    case 'date':
      input = <input {...common} type="date" value={String(value)} onInput={text} />;
      break;
    default:
      input = (
        <input {...common} type="text" inputMode={spec.kind === 'number' ? 'decimal' : undefined} value={String(value)} onInput={text} />
      );
  }
  return (
    <div class={`field${spec.kind === 'boolean' ? ' field-check' : ''}${error ? ' has-error' : ''}`}>
      <label for={id}>{labelOf(spec)}</label>
      {input}
      {spec.hint && !error && <span class="hint">{t(spec.hint)}</span>}
      {error && (
        <span class="field-error" id={described} data-testid="field-error" data-field={spec.path} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

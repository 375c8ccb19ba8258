import { customFieldProblem, type CustomFieldDefinition, type CustomFieldValues } from '../../../shared/schemas/custom-field';
import type { Customer, CustomerPatch } from '../../../shared/schemas/customer';
import { t, type MessageKey } from '../../i18n';
import { useSidebarData } from '../data/sidebar-data';
import type { FieldErrors } from '../forms/field-errors';
import type { FieldKind, FieldSpec } from '../forms/field-spec';
import { useLive } from '../hooks/use-live';
import { EditableSection } from './editable-section';

type Props = { customer: Customer; save: (patch: CustomerPatch) => Promise<void> };

const KIND: Record<CustomFieldDefinition['type'], FieldKind> = {
  text: 'text',
  number: 'number',
  date: 'date',
  select: 'select',
  boolean: 'boolean',
};

// What to type, per field type, in the UI language (the shared check's words are English).
const PROBLEM_TEXT: Record<CustomFieldDefinition['type'], MessageKey> = {
  text: 'error.text',
  number: 'error.number',
  date: 'error.date',
  select: 'error.choice',
  boolean: 'error.choice',
};

const specOf = (d: CustomFieldDefinition): FieldSpec => ({
  path: `customFields.${d.key}`,
  label: { text: d.label },
  kind: KIND[d.type],
  ...(d.type === 'select' ? { options: d.options } : {}),
});

/** The fields an admin defined for the organisation, rendered from their definitions. */
export function CustomFieldsSection({ customer, save }: Props) {
  const data = useSidebarData();
  const definitions = useLive(() => data.customFields(), []);
  if (!definitions) return null;
  const specs = definitions.map(specOf);
  // The same check the mutation and the server make, before anything is sent.
  const check = (changes: Record<string, unknown>): FieldErrors | null => {
    const errors: FieldErrors = {};
    for (const [key, value] of Object.entries((changes.customFields ?? {}) as CustomFieldValues)) {
      const definition = definitions.find((d) => d.key === key);
      const problem = customFieldProblem(key, value, definitions);
      if (problem) errors[`customFields.${key}`] = definition ? t(PROBLEM_TEXT[definition.type]) : t('error.notDefined');
    }
    return Object.keys(errors).length > 0 ? errors : null;
  };
  return (
    <EditableSection
      id="custom"
      title="file.custom.title"
      specs={specs}
      record={customer}
      save={(changes) => save(changes as CustomerPatch)}
      check={check}
      folded
    >
      {specs.length === 0 ? <p class="muted">{t('file.custom.empty')}</p> : undefined}
    </EditableSection>
  );
}

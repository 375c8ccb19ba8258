import { t, type MessageKey } from '../../i18n';

/**
 * One editable field of a form, named by its path in the record ('profile.phone', 'tags').
 * Sections are lists of these, so every section edits, shows and validates the same way.
 */
export type FieldKind =
  | 'text'
  | 'multiline'
  | 'number'
  | 'date'
  | 'select'
  | 'boolean'
  /** Several values typed in one box (tags, domains, a contact's addresses). */
  | 'list'
  | 'website'
  /** A 3-letter code, typed in any case. */
  | 'currency';

export type FieldSpec = {
  path: string;
  /** A dictionary key, or text as an admin typed it (custom fields). */
  label: MessageKey | { text: string };
  kind: FieldKind;
  /** A select's values; shown through `enum.<enumName>.<value>`. */
  options?: readonly (string | number)[];
  enumName?: string;
  /** A select whose choices are records (an owner): the text shown for each value. */
  optionLabels?: Readonly<Record<string, string>>;
  hint?: MessageKey;
};

/** What an input holds while the user types. */
export type FormValue = string | boolean;
export type FormValues = Record<string, FormValue>;

export function labelOf(spec: FieldSpec): string {
  return typeof spec.label === 'string' ? t(spec.label) : spec.label.text;
}

export function readPath(record: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | null)?.[key], record);
}

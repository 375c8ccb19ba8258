import type { FieldSpec, FormValue, FormValues } from './field-spec';
import { readPath } from './field-spec';

/** Commas (also the Chinese ，、；) and new lines separate the entries of a list field. */
const LIST_SEPARATOR = /[,，、;；\n]+/;

/** A stored value as the input shows it. */
export function toFormValue(spec: FieldSpec, value: unknown): FormValue {
  if (spec.kind === 'boolean') return value === true;
  if (value === null || value === undefined) return '';
  if (spec.kind === 'list') return (value as unknown[]).join(spec.path === 'tags' || spec.path === 'shortNames' ? ', ' : '\n');
  return String(value);
}

/**
 * What the input means, for the schema to judge: empty → null, numbers parsed (thousands
 * separators allowed; anything else becomes NaN, which the schema refuses with a clear message).
 */
export function fromFormValue(spec: FieldSpec, input: FormValue): unknown {
  if (spec.kind === 'boolean') return input === true;
  const text = String(input).trim();
  if (spec.kind === 'list') return text.split(LIST_SEPARATOR).map((s) => s.trim()).filter(Boolean);
  if (text === '') return null;
  if (spec.kind === 'number') return Number(text.replace(/[,，\s]/g, ''));
  if (spec.kind === 'select' && spec.options?.every((o) => typeof o === 'number')) return Number(text);
  if (spec.kind === 'currency') return text.toUpperCase();
  return text;
}

export function formValuesOf(specs: readonly FieldSpec[], record: unknown): FormValues {
  return Object.fromEntries(specs.map((spec) => [spec.path, toFormValue(spec, readPath(record, spec.path))]));
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1]!] = value;
}

/**
 * Only the fields the user changed, nested by path ({ profile: { phone } }): edits are
 * last-writer-wins per field on the server, so an untouched field must not be sent back.
 * null when nothing changed.
 */
export function changedFields(specs: readonly FieldSpec[], record: unknown, values: FormValues): Record<string, unknown> | null {
  const patch: Record<string, unknown> = {};
  let changed = false;
  for (const spec of specs) {
    const before = toFormValue(spec, readPath(record, spec.path));
    const now = values[spec.path] ?? before;
    if (normalised(spec, now) === normalised(spec, before)) continue;
    setPath(patch, spec.path, fromFormValue(spec, now));
    changed = true;
  }
  return changed ? patch : null;
}

/** Every field, for a create. */
export function allFields(specs: readonly FieldSpec[], values: FormValues): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const spec of specs) setPath(fields, spec.path, fromFormValue(spec, values[spec.path] ?? toFormValue(spec, undefined)));
  return fields;
}

/** Comparable form of a value; NaN (a number field holding text) must count as a change, not as empty. */
function normalised(spec: FieldSpec, value: FormValue): string {
  const parsed = fromFormValue(spec, value);
  return typeof parsed === 'number' && Number.isNaN(parsed) ? 'NaN' : JSON.stringify(parsed ?? null);
}

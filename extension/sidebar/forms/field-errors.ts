import { ZodError } from 'zod';
import { t, type MessageKey } from '../../i18n';

/** Messages by field path ('profile.phone', 'emails'), for the fields of one form. */
export type FieldErrors = Record<string, string>;

type Issue = { path: PropertyKey[]; code: string; message: string; expected?: unknown; origin?: unknown; minimum?: unknown; maximum?: unknown };

// By the field's name: what a person should type there, in the UI language.
const FORMAT_TEXT: Record<string, MessageKey> = {
  phone: 'error.phone',
  fax: 'error.phone',
  phones: 'error.phone',
  emails: 'error.email',
  website: 'error.website',
  emailDomains: 'error.domain',
  registeredOn: 'error.date',
  birthday: 'error.birthday',
  currency: 'error.currency',
  keyAccountScore: 'error.score',
};

/** The translated text for one zod issue; the schema's own English words when nothing fits. */
export function issueText(issue: Issue, field: string): string {
  const { code } = issue;
  if (code === 'too_small' && issue.origin === 'string') return t('error.required');
  if (FORMAT_TEXT[field] && (code === 'invalid_format' || code === 'too_small' || code === 'too_big' || code === 'invalid_type')) {
    return t(FORMAT_TEXT[field]);
  }
  if (code === 'invalid_format') return t('error.text');
  if (code === 'invalid_value') return t('error.choice');
  if (code === 'invalid_type' && issue.expected === 'number') return t('error.number');
  // A number's bounds are said as numbers (a cadence of 0 days, a reminder hour of 24).
  if (code === 'too_small' && issue.origin === 'number') {
    return Number(issue.minimum) > 0 ? t('error.atLeast', { min: Number(issue.minimum) }) : t('error.negative');
  }
  if (code === 'too_big' && issue.origin === 'number') return t('error.atMost', { max: Number(issue.maximum) });
  if (code === 'too_big') return t(issue.origin === 'array' ? 'error.tooMany' : 'error.tooLong');
  return issue.message;
}

/**
 * A mutation's ZodError as one message per field, or null for any other error. Paths start at
 * the mutation (payload.patch.profile.phone); an index inside a list names the entry.
 */
export function fieldErrorsOf(error: unknown): FieldErrors | null {
  if (!(error instanceof ZodError)) return null;
  const errors: FieldErrors = {};
  for (const issue of error.issues as Issue[]) {
    const path = issue.path.filter((p) => p !== 'payload' && p !== 'patch');
    const index = path.findIndex((p) => typeof p === 'number');
    const fieldPath = (index >= 0 ? path.slice(0, index) : path).map(String);
    const key = fieldPath.join('.');
    if (key in errors) continue;
    const text = issueText(issue, fieldPath[fieldPath.length - 1] ?? '');
    errors[key] = index >= 0 ? t('error.entry', { message: text, n: Number(path[index]) + 1 }) : text;
  }
  return errors;
}

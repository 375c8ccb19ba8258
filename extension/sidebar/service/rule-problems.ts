import { formatDateTime, t, type MessageKey } from '../../i18n';
import { RuleRefusal, type RuleProblem } from '../../local-db/mutations/rule-refusal';
import { fieldErrorsOf, type FieldErrors } from '../forms/field-errors';

/** A rule's problem in the UI language (every rule code has a text: i18n/service-visits.ts). */
function problemText(problem: RuleProblem): string {
  const params = { ...problem.params };
  if (typeof params.due === 'string') params.due = formatDateTime(params.due, true);
  return t(`rule.${problem.code}` as MessageKey, params);
}

/** Problems by field ('' for the item's stage), for a form to show beside each field. */
function problemsByField(problems: readonly RuleProblem[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const p of problems) errors[p.field ?? ''] ??= problemText(p);
  return errors;
}

/**
 * What a failed save means for the form: a rule's refusal or invalid values, by field; anything
 * else (the replica lost the row, the background is gone) as one message under the form.
 */
export function saveErrors(error: unknown): FieldErrors {
  if (error instanceof RuleRefusal) return problemsByField(error.problems);
  const fields = fieldErrorsOf(error);
  if (fields) return fields;
  return { '': t('unknown.saveFailed', { reason: error instanceof Error ? error.message : String(error) }) };
}

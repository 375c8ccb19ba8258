import type { CustomFieldDefinition } from '../../../shared/schemas/custom-field';
import { IGNORE_COLUMN, type ColumnTarget, type ImportMapping, type ImportPass } from '../../../shared/schemas/import';
import { DomainError } from '../errors';
import { suggestMapping } from './suggest-mapping';
import { MULTI_COLUMN_KINDS, TARGETS, isBaseTarget, targetsOfPass } from './targets';

export type Columns = {
  headers: readonly string[];
  /** The complete mapping used (the caller's choices over the suggestion). */
  mapping: ImportMapping;
  /** Column index → target. */
  targets: ColumnTarget[];
  /** Target → the header labels mapped to it, to name the column in messages. */
  headersOf: Map<string, string[]>;
};

const bad = (message: string) => new DomainError('BAD_REQUEST', message);

/**
 * The caller's mapping laid over the suggestion, checked as a whole: every named header exists,
 * each target is offered in this pass, single-value fields take one column, and the rows can
 * be keyed to a customer. Problems here are the mapping's, not a row's: the plan is refused.
 */
export function resolveColumns(
  headers: readonly string[],
  chosen: ImportMapping,
  pass: ImportPass,
  definitions: readonly CustomFieldDefinition[],
): Columns {
  const unknown = Object.keys(chosen).filter((h) => !headers.includes(h));
  if (unknown.length > 0) throw bad(`The mapping names columns the file does not have: ${unknown.join(', ')}`);
  const mapping = { ...suggestMapping(headers, pass, definitions), ...chosen };
  const allowed = new Set<string>(targetsOfPass(pass));
  const customKeys = new Set(definitions.map((d) => d.key));
  const headersOf = new Map<string, string[]>();
  const targets = headers.map((header) => {
    const target = mapping[header]!;
    if (target === IGNORE_COLUMN) return target;
    if (isBaseTarget(target) && !allowed.has(target)) {
      throw bad(`Column "${header}": ${TARGETS[target].label} cannot be imported in the ${pass.replace('_', ' ')} pass`);
    }
    if (!isBaseTarget(target) && (pass !== 'master' || !customKeys.has(target.slice('custom.'.length)))) {
      throw bad(`Column "${header}": there is no custom field "${target.slice('custom.'.length)}"`);
    }
    const others = headersOf.get(target) ?? [];
    if (others.length > 0 && !(isBaseTarget(target) && MULTI_COLUMN_KINDS.has(TARGETS[target].kind))) {
      throw bad(`Columns "${others[0]}" and "${header}" are both mapped to ${labelOf(target, definitions)}: keep one`);
    }
    headersOf.set(target, [...others, header]);
    return target;
  });
  const has = (t: string) => headersOf.has(t);
  const keyed = has('customer.name') || has('customer.code') || has('customer.taxNumber');
  if (!keyed) {
    throw bad('Map a column to Customer name (or to Customer code or Tax number to find existing customers)');
  }
  const history = has('history.summary') && has('history.occurredAt');
  const service = has('service.summary') && has('service.receivedAt');
  if (pass === 'open_items' && !history && !has('followUp.dueAt') && !service) {
    throw bad(
      'Map a column to Summary and one to Date and time (each row becomes a timeline entry), ' +
        'or one to "Open follow-up: due" (each row becomes an open follow-up), ' +
        'or one to "Request or complaint: what the customer asks" and one to "…: received" (each row becomes an open request or complaint)',
    );
  }
  return { headers, mapping, targets, headersOf };
}

export function labelOf(target: string, definitions: readonly CustomFieldDefinition[]): string {
  if (isBaseTarget(target)) return TARGETS[target].label;
  const key = target.slice('custom.'.length);
  return definitions.find((d) => d.key === key)?.label ?? key;
}

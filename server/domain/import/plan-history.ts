import { matchKeyOf } from '../../../shared/domain/email';
import type { ImportRowError } from '../../../shared/schemas/import';
import type { NewTimelineItem } from '../../storage/repositories/timeline-items';
import { exactNameKey } from './file-customers';
import type { KnownCustomer } from './match-customers';
import { newId } from './new-ids';
import type { KnownContact } from './plan-contacts';
import type { ParsedRow } from './read-rows';
import { rowError } from './read-rows';

/**
 * Pass 2 (cut-over): each row is one past interaction of an existing customer, written to its
 * timeline as the importing user's entry. The customer must already exist (pass 1 comes first):
 * found by code, else tax number, else exact name. Contacts are linked by their addresses.
 */
export function planHistory(
  rows: readonly ParsedRow[],
  known: readonly KnownCustomer[],
  contacts: readonly KnownContact[],
  authorUserId: string,
  planId: string,
) {
  const byCode = new Map(known.filter((k) => k.code !== null).map((k) => [k.code!, k]));
  const byTax = new Map<string, KnownCustomer[]>();
  const byName = new Map<string, KnownCustomer[]>();
  for (const k of known) {
    if (k.taxNumber !== null) byTax.set(k.taxNumber, [...(byTax.get(k.taxNumber) ?? []), k]);
    byName.set(exactNameKey(k.name), [...(byName.get(exactNameKey(k.name)) ?? []), k]);
  }
  const contactByKey = new Map<string, KnownContact>();
  for (const c of contacts) for (const e of c.emails) contactByKey.set(`${c.customerId}\n${matchKeyOf(e)}`, c);

  const creates: NewTimelineItem[] = [];
  const errors: ImportRowError[] = [];
  for (const { row, customer, contact, history } of rows) {
    if (!history) {
      errors.push(rowError(row, null, 'nothing to put on the timeline: fill in the date and the summary'));
      continue;
    }
    const { code, taxNumber, name } = customer ?? {};
    const candidates =
      code != null ? [byCode.get(code)].filter((k) => k !== undefined)
      : taxNumber != null ? (byTax.get(taxNumber) ?? [])
      : name !== undefined ? (byName.get(exactNameKey(name)) ?? [])
      : [];
    const what = code != null ? `code ${code}` : taxNumber != null ? `tax number ${taxNumber}` : `name ${name ?? '(empty)'}`;
    if (candidates.length !== 1) {
      errors.push(rowError(row, null, candidates.length === 0
        ? `no customer with ${what}: import the customers first (pass 1)`
        : `${candidates.length} customers have ${what}: use the code or tax number`));
      continue;
    }
    const customerId = candidates[0]!.id;
    const contactIds = [...new Set((contact?.emails ?? []).map((e) => contactByKey.get(`${customerId}\n${matchKeyOf(e)}`)?.id).filter((id) => id !== undefined))];
    creates.push({
      id: newId(),
      customerId,
      kind: history.kind,
      occurredAt: history.occurredAt,
      authorUserId,
      contactIds,
      summary: history.summary,
      sourceRef: `import:${planId}:row-${row}`,
      private: false,
    });
  }
  return { creates, errors };
}

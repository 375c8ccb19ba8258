import { matchKeyOf } from '../../../shared/domain/email';
import { NOT_ENDED, type FollowUp } from '../../../shared/schemas/follow-up';
import type { ImportRowError } from '../../../shared/schemas/import';
import type { NewTimelineItem } from '../../storage/repositories/timeline-items';
import { exactNameKey } from './file-customers';
import type { KnownCustomer } from './match-customers';
import { newId } from './new-ids';
import type { KnownContact } from './plan-contacts';
import type { ParsedRow } from './read-rows';
import { rowError } from './read-rows';

export type ImportedFollowUp = Omit<FollowUp, 'createdAt' | 'updatedAt' | 'version'>;

/**
 * Pass 2 (cut-over): each row is one past interaction of an existing customer, written to its
 * timeline as the importing user's entry, and/or the follow-up still open for it (issue 4). The
 * customer must already exist (pass 1 comes first): found by code, else tax number, else exact
 * name. Contacts are linked by their addresses. An open follow-up goes to the owner the file
 * names, else the customer's owner (if an active member), else the importing user.
 */
export function planHistory(
  rows: readonly ParsedRow[],
  known: readonly KnownCustomer[],
  contacts: readonly KnownContact[],
  authorUserId: string,
  planId: string,
  activeMemberIds: ReadonlySet<string> = new Set(),
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
  const followUps: ImportedFollowUp[] = [];
  const errors: ImportRowError[] = [];
  for (const { row, customer, contact, history, followUp } of rows) {
    if (!history && !followUp) {
      errors.push(rowError(row, null, 'nothing to import: fill in the date and the summary, or the follow-up due time'));
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
    const { id: customerId, ownerUserId } = candidates[0]!;
    const contactIds = [...new Set((contact?.emails ?? []).map((e) => contactByKey.get(`${customerId}\n${matchKeyOf(e)}`)?.id).filter((id) => id !== undefined))];
    const itemId = history ? newId() : null;
    if (history) {
      creates.push({
        id: itemId!,
        customerId,
        kind: history.kind,
        occurredAt: history.occurredAt,
        authorUserId,
        contactIds,
        summary: history.summary,
        sourceRef: `import:${planId}:row-${row}`,
      });
    }
    if (followUp) {
      followUps.push({
        id: newId(),
        customerId,
        contactId: contactIds[0] ?? null,
        ownerUserId: followUp.ownerUserId ?? (ownerUserId && activeMemberIds.has(ownerUserId) ? ownerUserId : authorUserId),
        dueAt: followUp.dueAt,
        reason: followUp.reason,
        purpose: 'general',
        source: 'import',
        ...NOT_ENDED,
        replyWatch: null,
        // The interaction it follows up, when the row has one.
        sourceId: itemId,
        occasion: null,
        createdByUserId: authorUserId,
      });
    }
  }
  return { creates, followUps, errors };
}

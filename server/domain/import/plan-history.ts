import { NOT_ENDED, type FollowUp } from '../../../shared/schemas/follow-up';
import type { NewTimelineItem } from '../../storage/repositories/timeline-items';
import { newId } from './new-ids';
import { rowOwner, type contactLinker, type PlacedRow } from './row-customer';

export type ImportedFollowUp = Omit<FollowUp, 'createdAt' | 'updatedAt' | 'version'>;

/**
 * Pass 2 (cut-over): each row with an interaction becomes an entry on its customer's timeline,
 * as the importing user's, with the contacts the row names by address; a row's open follow-up
 * (issue 4, 下次跟进时间 columns) becomes a follow-up pointing at that entry. The follow-up goes
 * to the owner the file names, else the customer's owner (if an active member), else the
 * importing user.
 */
export function planHistory(
  rows: readonly PlacedRow[],
  contactsOf: ReturnType<typeof contactLinker>,
  authorUserId: string,
  planId: string,
  activeMemberIds: ReadonlySet<string>,
): { creates: NewTimelineItem[]; followUps: ImportedFollowUp[] } {
  const creates: NewTimelineItem[] = [];
  const followUps: ImportedFollowUp[] = [];
  for (const placed of rows) {
    const customerId = placed.known.id;
    const contactIds = contactsOf(placed, customerId);
    const itemId = placed.history ? newId() : null;
    if (placed.history) {
      creates.push({
        id: itemId!,
        customerId,
        kind: placed.history.kind,
        occurredAt: placed.history.occurredAt,
        authorUserId,
        contactIds,
        summary: placed.history.summary,
        sourceRef: `import:${planId}:row-${placed.row}`,
        private: false,
      });
    }
    if (placed.followUp) {
      followUps.push({
        id: newId(),
        customerId,
        contactId: contactIds[0] ?? null,
        ownerUserId: rowOwner(placed.followUp.ownerUserId, placed.known, activeMemberIds, authorUserId),
        dueAt: placed.followUp.dueAt,
        reason: placed.followUp.reason,
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
  return { creates, followUps };
}

import type { NewTimelineItem } from '../../storage/repositories/timeline-items';
import { newId } from './new-ids';
import type { contactLinker, PlacedRow } from './row-customer';

/**
 * Pass 2 (cut-over): each row with an interaction becomes an entry on its customer's timeline,
 * as the importing user's, with the contacts the row names by address.
 */
export function planHistory(
  rows: readonly PlacedRow[],
  contactsOf: ReturnType<typeof contactLinker>,
  authorUserId: string,
  planId: string,
): NewTimelineItem[] {
  const creates: NewTimelineItem[] = [];
  for (const placed of rows) {
    if (!placed.history) continue;
    creates.push({
      id: newId(),
      customerId: placed.known.id,
      kind: placed.history.kind,
      occurredAt: placed.history.occurredAt,
      authorUserId,
      contactIds: contactsOf(placed, placed.known.id),
      summary: placed.history.summary,
      sourceRef: `import:${planId}:row-${placed.row}`,
    });
  }
  return creates;
}

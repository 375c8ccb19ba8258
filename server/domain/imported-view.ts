import type { Access, AccessViewer } from '../../shared/domain/access';
import type { TimelineItem } from '../../shared/schemas/timeline';
import { privateTo, views } from './customer-scope';
import { sharingName } from '../ingestion/account-views';
import type { ReadableCopy } from '../storage/repositories/imported-items';
import type { TimelineItemRow } from '../storage/repositories/timeline-items';

/** Bodies travel to replicas capped: the sidebar shows a message, not an archive. */
export const MAX_SYNCED_BODY_CHARS = 10_000;

export type StoredTimelineItem = Omit<TimelineItemRow, 'orgId' | 'deleted'>;

/**
 * How much of an imported mail or meeting a viewer sees (DOMAIN.md "People and permissions":
 * email bodies are private to the mailbox owner unless shared): everything in their own mailbox;
 * otherwise what its owners share, where 0 = nothing, 1 = that it happened (who, when),
 * 2 = also the subject, 3 = also the body. No role widens it, admins included (like private notes).
 */
export function importedLevelFor(viewerId: string, facts: { mailboxUserIds: string[]; sharing: number }): number {
  return facts.mailboxUserIds.includes(viewerId) ? 3 : facts.sharing;
}

/** Whether the pull must read this item's body (and their own thread id) for this viewer. */
export const bodyVisibleTo = (viewerId: string, row: Pick<TimelineItemRow, 'importedFacts'>): boolean =>
  row.importedFacts !== null && importedLevelFor(viewerId, row.importedFacts) === 3;

/**
 * A timeline row its customer's access rule already let through (customer-scope.ts), as this
 * viewer may see it: notes and other typed items whole; imported mail and meetings narrowed to
 * their owners' sharing, or null (a tombstone for them). The storage-only facts never leave.
 */
export function importedItemView(viewerId: string, row: StoredTimelineItem, copies: Map<string, ReadableCopy>): TimelineItem | null {
  const { importedFacts: facts, ...item } = row;
  if (!facts) return item;
  const level = importedLevelFor(viewerId, facts);
  if (level === 0) return null;
  const mine = facts.mailboxUserIds.includes(viewerId);
  const copy = copies.get(item.id);
  // The thread reference opens the viewer's own mailbox (thread ids belong to one mailbox, and the
  // stored one is the first importer's); nobody else can use it.
  const ownThread = mine ? (copy?.threadId ?? null) : null;
  return {
    ...item,
    summary: level >= 2 ? item.summary : '',
    sourceRef: ownThread,
    imported: {
      provider: facts.provider,
      direction: facts.direction,
      subject: level >= 2 ? facts.subject : null,
      from: facts.participants.find((p) => p.address === facts.fromAddress) ?? (facts.fromAddress ? { address: facts.fromAddress, name: null } : null),
      participants: facts.participants,
      threadRef: ownThread,
      endsAt: facts.endsAt,
      location: level >= 2 ? facts.location : null,
      sharing: sharingName(facts.sharing),
      mine,
      body: level >= 3 ? (copy?.body ?? null) : null,
    },
  };
}

/**
 * One timeline item as this viewer receives it, by the one access rule: another person's private
 * note never (privateTo), then its customer's access (customer-scope.ts), then the mailbox's
 * sharing. The pull and `timeline.page` both send what this returns.
 */
export function timelineItemAsSeen(viewer: AccessViewer, row: StoredTimelineItem, access: Access, copies: Map<string, ReadableCopy>): TimelineItem | null {
  const owner = privateTo.timelineItem(row);
  if (owner !== null && owner !== viewer.id) return null;
  const seen = views.timelineItem(row, access, viewer);
  return seen && importedItemView(viewer.id, seen, copies);
}

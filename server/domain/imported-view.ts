import type { TimelineItem } from '../../shared/schemas/timeline';
import { sharingName } from '../ingestion/account-views';
import type { TimelineItemRow } from '../storage/repositories/timeline-items';
import { importedLevelFor, type Viewer } from './visibility';

/** Bodies travel to replicas capped: the sidebar shows a message, not an archive. */
export const MAX_SYNCED_BODY_CHARS = 10_000;

/**
 * A timeline row as this viewer may see it, or null (a tombstone for them). Notes and other
 * typed items are seen whole; imported mail and meetings follow their owners' sharing.
 */
export function timelineItemFor(viewer: Viewer, row: TimelineItemRow, bodies: Map<string, string>): TimelineItem | null {
  const { orgId, deleted, importedFacts: facts, ...item } = row;
  if (deleted || orgId !== viewer.orgId) return null;
  if (!facts) return item;
  const level = importedLevelFor(viewer, { orgId, ...facts });
  if (level === 0) return null;
  const subject = level >= 2 ? facts.subject : null;
  return {
    ...item,
    summary: level >= 2 ? item.summary : '',
    imported: {
      provider: facts.provider,
      direction: facts.direction,
      subject,
      from: facts.participants.find((p) => p.address === facts.fromAddress) ?? (facts.fromAddress ? { address: facts.fromAddress, name: null } : null),
      participants: facts.participants,
      threadRef: facts.mailboxUserIds.includes(viewer.id) ? facts.threadRef : null,
      endsAt: facts.endsAt,
      location: level >= 2 ? facts.location : null,
      sharing: sharingName(facts.sharing),
      mine: facts.mailboxUserIds.includes(viewer.id),
      body: level >= 3 ? (bodies.get(item.id) ?? null) : null,
    },
  };
}

import type { LocalDb } from '../db';
import type { TimelineEntry } from './timeline';

/**
 * The customer's requests and complaints as timeline rows (kind `complaint`, requests too: both
 * are service), at the time they were received, so the timeline shows the whole history.
 */
export async function serviceTimelineEntries(db: LocalDb, customerId: string): Promise<TimelineEntry[]> {
  const items = await db.serviceItems.where('customerId').equals(customerId).toArray();
  return items.map((item) => ({
    id: item.id,
    customerId,
    kind: 'complaint',
    occurredAt: item.receivedAt,
    authorUserId: item.createdByUserId,
    contactIds: item.contactId ? [item.contactId] : [],
    summary: item.summary,
    sourceRef: item.threadRef,
    private: false,
    createdAt: item.createdAt,
    service: { type: item.type, stage: item.stage, urgent: item.urgent },
  }));
}

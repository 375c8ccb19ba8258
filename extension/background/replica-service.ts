import { browser } from 'wxt/browser';
import type { LocalDb } from '../local-db/db';
import { addNote } from '../local-db/mutations/add-note';
import { createCustomerFromSender } from '../local-db/mutations/create-customer';
import { dismissRejected } from '../local-db/mutations/dismiss-rejected';
import { matchSender } from '../local-db/queries/match-context';
import { memberById } from '../local-db/queries/members';
import { rejectedChanges, syncStatus } from '../local-db/queries/sync-status';
import { timelineOf } from '../local-db/queries/timeline';
import { REPLICA_CHANGED, type ReplicaMutation, type ReplicaQuery } from '../messaging/replica-protocol';

/** One-shot answers for a sidebar without IndexedDB: the same local-db queries, run here. */
export async function answerReplicaQuery(db: LocalDb, request: ReplicaQuery): Promise<unknown> {
  switch (request.query) {
    case 'sync-status':
      return syncStatus(db);
    case 'match-sender':
      return matchSender(db, request.sender);
    case 'timeline':
      return timelineOf(db, request.customerId);
    case 'member':
      return memberById(db, request.id);
    case 'rejected':
      return rejectedChanges(db);
  }
}

/** The same local mutations the sidebar makes itself when it has IndexedDB. */
export async function runReplicaMutation(db: LocalDb, request: ReplicaMutation): Promise<void> {
  switch (request.mutation) {
    case 'create-customer':
      await createCustomerFromSender(db, request);
      return;
    case 'add-note':
      await addNote(db, request);
      return;
    case 'dismiss-rejected':
      await dismissRejected(db, request.mutationId);
      return;
  }
}

/**
 * Tells extension pages that the replica or the sync state changed, so a sidebar on the
 * fallback path asks again (liveQuery does this by itself where IndexedDB works).
 */
export function announceReplicaChanged(): void {
  // Rejects when no extension page is open to receive it; nothing to do then.
  browser.runtime.sendMessage({ type: REPLICA_CHANGED }).catch(() => undefined);
}

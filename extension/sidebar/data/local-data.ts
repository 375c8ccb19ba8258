import { getLocalDb } from '../../local-db/db';
import { live } from '../../local-db/live';
import { addNote } from '../../local-db/mutations/add-note';
import { createCustomerFromSender } from '../../local-db/mutations/create-customer';
import { dismissRejected } from '../../local-db/mutations/dismiss-rejected';
import { matchSender } from '../../local-db/queries/match-context';
import { memberById } from '../../local-db/queries/members';
import { rejectedChanges, syncStatus } from '../../local-db/queries/sync-status';
import { timelineOf } from '../../local-db/queries/timeline';
import { sendToBackground } from '../../messaging/runtime-client';
import type { SidebarData } from './sidebar-data';

/** Local mutations are followed by a nudge so the worker pushes at once (offline: it retries). */
function nudgeSync(): void {
  sendToBackground({ type: 'sync-now' }).catch(() => undefined);
}

/** The replica in this frame's IndexedDB, through Dexie live queries (the normal path). */
export function localSidebarData(): SidebarData {
  const db = getLocalDb();
  return {
    mode: 'local',
    syncStatus: () => live(() => syncStatus(db)),
    matchSender: (sender) => live(() => matchSender(db, sender)),
    timeline: (customerId) => live(() => timelineOf(db, customerId)),
    member: (id) => live(() => memberById(db, id)),
    rejected: () => live(() => rejectedChanges(db)),
    async createCustomer(input) {
      await createCustomerFromSender(db, input);
      nudgeSync();
    },
    async addNote(customerId, text, threadId) {
      await addNote(db, { customerId, text, sourceRef: threadId });
      nudgeSync();
    },
    dismissRejected: (mutationId) => dismissRejected(db, mutationId),
  };
}

/** False when this frame cannot use IndexedDB (the case remote-data exists for). */
export async function localReplicaOpens(): Promise<boolean> {
  try {
    await getLocalDb().open();
    return true;
  } catch (error) {
    console.warn('[inbox-crm] IndexedDB is not available in the sidebar; asking the background instead:', error);
    return false;
  }
}

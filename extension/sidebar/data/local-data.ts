import type { FollowUpPatch } from '../../../shared/schemas/follow-up';
import { getLocalDb, type LocalDb } from '../../local-db/db';
import { live } from '../../local-db/live';
import { addContact } from '../../local-db/mutations/add-contact';
import { addNote } from '../../local-db/mutations/add-note';
import { createCustomerFromSender } from '../../local-db/mutations/create-customer';
import { deleteContact } from '../../local-db/mutations/delete-contact';
import { dismissRejected } from '../../local-db/mutations/dismiss-rejected';
import { setMatchChoice } from '../../local-db/mutations/set-match-choice';
import { updateContact } from '../../local-db/mutations/update-contact';
import { updateCustomer } from '../../local-db/mutations/update-customer';
import { completeFollowUp, reopenFollowUp, updateFollowUp } from '../../local-db/mutations/change-follow-up';
import { createFollowUp } from '../../local-db/mutations/create-follow-up';
import { logInteraction } from '../../local-db/mutations/log-interaction';
import { boardEntries } from '../../local-db/queries/board';
import { followUpsOf } from '../../local-db/queries/follow-ups';
import { orgSettingsOf } from '../../local-db/queries/org-settings';
import { contactsOf } from '../../local-db/queries/contacts';
import { customFieldDefinitions } from '../../local-db/queries/custom-field-definitions';
import { customerById } from '../../local-db/queries/customer';
import { lastTouchOf } from '../../local-db/queries/last-touch';
import { mailAccounts } from '../../local-db/queries/mail-accounts';
import { matchSender } from '../../local-db/queries/match-context';
import { matchPage } from '../../local-db/queries/match-page';
import { allMembers, memberById } from '../../local-db/queries/members';
import { searchReplica } from '../../local-db/queries/search';
import { rejectedChanges, syncStatus } from '../../local-db/queries/sync-status';
import { timelineOf } from '../../local-db/queries/timeline';
import { allDepartments, viewerOf } from '../../local-db/queries/viewer';
import { sendToBackground } from '../../messaging/runtime-client';
import { reconnectAccount } from './reconnect';
import { retrySync } from './retry-sync';
import { serverTimelinePage } from './server-timeline';
import { changeServiceItem, logServiceItem } from '../../local-db/mutations/service-items';
import { changeVisit, planVisit } from '../../local-db/mutations/visits';
import { serviceItemsOf } from '../../local-db/queries/service-items';
import { plannableMeetings, visitBriefOf, visitsOf } from '../../local-db/queries/visits';
import type { SidebarData } from './sidebar-data';

/** Local mutations are followed by a nudge so the worker pushes at once (offline: it retries). */
function nudgeSync(): void {
  sendToBackground({ type: 'sync-now' }).catch(() => undefined);
}

/** The replica in this frame's IndexedDB, through Dexie live queries (the normal path). */
export function localSidebarData(db: LocalDb = getLocalDb()): SidebarData {
  /** A local mutation on this replica, followed by the nudge. */
  const thenSync =
    <A extends unknown[]>(write: (db: LocalDb, ...args: A) => Promise<unknown>) =>
    async (...args: A): Promise<void> => {
      await write(db, ...args);
      nudgeSync();
    };
  return {
    mode: 'local',
    syncStatus: () => live(() => syncStatus(db)),
    retrySync,
    matchSender: (sender) => live(() => matchSender(db, sender)),
    matchPage: (clues, me) => live(() => matchPage(db, clues, me)),
    timeline: (customerId, limit) => live(() => timelineOf(db, customerId, limit)),
    member: (id) => live(() => memberById(db, id)),
    members: () => live(() => allMembers(db)),
    rejected: () => live(() => rejectedChanges(db)),
    createCustomer: thenSync(createCustomerFromSender),
    async addNote(customerId, text, threadId, isPrivate = false) {
      await addNote(db, { customerId, text, sourceRef: threadId, private: isPrivate });
      nudgeSync();
    },
    dismissRejected: (mutationId) => dismissRejected(db, mutationId),
    customer: (id) => live(() => customerById(db, id)),
    contacts: (customerId) => live(() => contactsOf(db, customerId)),
    customFields: () => live(() => customFieldDefinitions(db)),
    lastTouch: (customerId) => live(() => lastTouchOf(db, customerId)),
    updateCustomer: thenSync(updateCustomer),
    addContact: thenSync(addContact),
    updateContact: thenSync(updateContact),
    deleteContact: thenSync(deleteContact),
    setMatchChoice: thenSync(setMatchChoice),
    search: (text, limit) => searchReplica(db, text, limit),
    mailAccounts: () => live(() => mailAccounts(db)),
    reconnect: reconnectAccount,
    // Issue 8
    serverTimelinePage,
    viewer: () => live(() => viewerOf(db)),
    departments: () => live(() => allDepartments(db)),
    // Follow-ups (issue 4)
    followUps: (customerId) => live(() => followUpsOf(db, customerId)),
    board: () => live(() => boardEntries(db)),
    orgSettings: () => live(() => orgSettingsOf(db)),
    createFollowUp: thenSync(createFollowUp),
    updateFollowUp: thenSync((db, id: string, patch: FollowUpPatch, allowOverdue?: boolean) => updateFollowUp(db, id, patch, { allowOverdue })),
    completeFollowUp: thenSync(completeFollowUp),
    reopenFollowUp: thenSync(reopenFollowUp),
    logInteraction: thenSync(logInteraction),
    // Issue 4B: service requests and complaints, visits.
    serviceItems: (customerId) => live(() => serviceItemsOf(db, customerId)),
    logServiceItem: thenSync(logServiceItem),
    changeServiceItem: thenSync(changeServiceItem),
    visits: (customerId) => live(() => visitsOf(db, customerId)),
    visitBrief: (customerId) => live(() => visitBriefOf(db, customerId)),
    plannableMeetings: (customerId) => live(() => plannableMeetings(db, customerId, new Date())),
    planVisit: thenSync(planVisit),
    changeVisit: thenSync(changeVisit),
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

import { browser } from 'wxt/browser';
import { ZodError } from 'zod';
import type { ContactPatch } from '../../shared/schemas/contact';
import type { CustomerPatch } from '../../shared/schemas/customer';
import type { FollowUpPatch } from '../../shared/schemas/follow-up';
import type { LocalDb } from '../local-db/db';
import { completeFollowUp, reopenFollowUp, updateFollowUp } from '../local-db/mutations/change-follow-up';
import { createFollowUp, type CreateFollowUpInput } from '../local-db/mutations/create-follow-up';
import { logInteraction, type LogInteractionInput } from '../local-db/mutations/log-interaction';
import { boardEntries } from '../local-db/queries/board';
import { followUpsOf } from '../local-db/queries/follow-ups';
import { orgSettingsOf } from '../local-db/queries/org-settings';
import { addContact, type AddContactInput } from '../local-db/mutations/add-contact';
import { addNote } from '../local-db/mutations/add-note';
import { createCustomerFromSender } from '../local-db/mutations/create-customer';
import { deleteContact } from '../local-db/mutations/delete-contact';
import { dismissRejected } from '../local-db/mutations/dismiss-rejected';
import { setMatchChoice } from '../local-db/mutations/set-match-choice';
import { updateContact } from '../local-db/mutations/update-contact';
import { updateCustomer } from '../local-db/mutations/update-customer';
import { contactsOf } from '../local-db/queries/contacts';
import { customFieldDefinitions } from '../local-db/queries/custom-field-definitions';
import { customerById } from '../local-db/queries/customer';
import { lastTouchOf } from '../local-db/queries/last-touch';
import { mailAccounts } from '../local-db/queries/mail-accounts';
import { matchSender } from '../local-db/queries/match-context';
import { matchPage } from '../local-db/queries/match-page';
import { allMembers, memberById } from '../local-db/queries/members';
import { searchReplica } from '../local-db/queries/search';
import { rejectedChanges, syncStatus } from '../local-db/queries/sync-status';
import { timelineOf } from '../local-db/queries/timeline';
import { allDepartments, viewerOf } from '../local-db/queries/viewer';
import { changeServiceItem, logServiceItem, type LogServiceInput, type ServiceChangeInput } from '../local-db/mutations/service-items';
import { changeVisit, planVisit, type PlanVisitInput, type VisitChangeInput } from '../local-db/mutations/visits';
import { serviceItemsOf } from '../local-db/queries/service-items';
import { plannableMeetings, visitBriefOf, visitsOf } from '../local-db/queries/visits';
import { REPLICA_CHANGED, type ReplicaIssue, type ReplicaMutation, type ReplicaQuery } from '../messaging/replica-protocol';

/** One-shot answers for a sidebar without IndexedDB: the same local-db queries, run here. */
export async function answerReplicaQuery(db: LocalDb, request: ReplicaQuery): Promise<unknown> {
  switch (request.query) {
    case 'sync-status':
      return syncStatus(db);
    case 'match-sender':
      return matchSender(db, request.sender);
    case 'timeline':
      return timelineOf(db, request.customerId, request.limit);
    case 'members':
      return allMembers(db);
    case 'member':
      return memberById(db, request.id);
    case 'rejected':
      return rejectedChanges(db);
    case 'customer':
      return customerById(db, request.id);
    case 'contacts':
      return contactsOf(db, request.customerId);
    case 'search':
      return searchReplica(db, request.text, request.limit);
    case 'custom-fields':
      return customFieldDefinitions(db);
    case 'last-touch':
      return lastTouchOf(db, request.customerId);
    case 'mail-accounts':
      return mailAccounts(db);
    case 'viewer':
      return viewerOf(db);
    case 'departments':
      return allDepartments(db);
    case 'match-page':
      return matchPage(db, request.clues, request.me);
    // Follow-ups (issue 4)
    case 'follow-ups':
      return followUpsOf(db, request.customerId);
    case 'board':
      return boardEntries(db);
    case 'org-settings':
      return orgSettingsOf(db);
    // Issue 4B: service requests and complaints, visits.
    case 'service-items':
      return serviceItemsOf(db, request.customerId);
    case 'visits':
      return visitsOf(db, request.customerId);
    case 'visit-brief':
      return visitBriefOf(db, request.customerId);
    case 'plannable-meetings':
      return plannableMeetings(db, request.customerId, new Date());
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
    // The casts are safe: each mutation parses its input with the shared schemas before writing.
    case 'update-customer':
      await updateCustomer(db, request.id, request.patch as CustomerPatch);
      return;
    case 'add-contact':
      await addContact(db, request.input as AddContactInput);
      return;
    case 'update-contact':
      await updateContact(db, request.id, request.patch as ContactPatch);
      return;
    case 'delete-contact':
      await deleteContact(db, request.id);
      return;
    case 'set-match-choice':
      await setMatchChoice(db, request.address, request.customerId);
      return;
    // Follow-ups (issue 4); the casts are safe for the same reason as above.
    case 'create-follow-up':
      await createFollowUp(db, request.input as CreateFollowUpInput);
      return;
    case 'update-follow-up':
      await updateFollowUp(db, request.id, request.patch as FollowUpPatch, { allowOverdue: request.allowOverdue });
      return;
    case 'complete-follow-up':
      await completeFollowUp(db, request.id, request.input as Parameters<typeof completeFollowUp>[2]);
      return;
    case 'reopen-follow-up':
      await reopenFollowUp(db, request.id);
      return;
    case 'log-interaction':
      await logInteraction(db, request.input as LogInteractionInput);
      return;
    // Issue 4B. The casts are safe for the same reason: the mutations parse with the shared
    // schemas (an unknown kind fails that parse) and check the shared rules before writing.
    case 'log-service-item':
      await logServiceItem(db, request.input as LogServiceInput);
      return;
    case 'change-service-item':
      await changeServiceItem(db, request.id, request.change as ServiceChangeInput);
      return;
    case 'plan-visit':
      await planVisit(db, request.input as PlanVisitInput);
      return;
    case 'change-visit':
      await changeVisit(db, request.id, request.change as VisitChangeInput);
      return;
  }
}

/** A mutation refused invalid values (it wrote nothing): the issues, for the field messages. */
export function invalidValueIssues(error: unknown): ReplicaIssue[] | null {
  if (!(error instanceof ZodError)) return null;
  return error.issues.map((issue) => ({
    path: issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment))),
    code: issue.code,
    message: issue.message,
    ...('origin' in issue && typeof issue.origin === 'string' ? { origin: issue.origin } : {}),
    ...('expected' in issue && typeof issue.expected === 'string' ? { expected: issue.expected } : {}),
  }));
}

/**
 * Tells extension pages that the replica or the sync state changed, so a sidebar on the
 * fallback path asks again (liveQuery does this by itself where IndexedDB works).
 */
export function announceReplicaChanged(): void {
  // Rejects when no extension page is open to receive it; nothing to do then.
  browser.runtime.sendMessage({ type: REPLICA_CHANGED }).catch(() => undefined);
}

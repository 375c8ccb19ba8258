import { browser } from 'wxt/browser';
import { ZodError } from 'zod';
import type { ContactPatch } from '../../shared/schemas/contact';
import type { CustomerPatch } from '../../shared/schemas/customer';
import type { LocalDb } from '../local-db/db';
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
import { allMembers, memberById } from '../local-db/queries/members';
import { searchReplica } from '../local-db/queries/search';
import { rejectedChanges, syncStatus } from '../local-db/queries/sync-status';
import { timelineOf } from '../local-db/queries/timeline';
import { allDepartments, viewerOf } from '../local-db/queries/viewer';
import { REPLICA_CHANGED, type ReplicaIssue, type ReplicaMutation, type ReplicaQuery } from '../messaging/replica-protocol';

/** One-shot answers for a sidebar without IndexedDB: the same local-db queries, run here. */
export async function answerReplicaQuery(db: LocalDb, request: ReplicaQuery): Promise<unknown> {
  switch (request.query) {
    case 'sync-status':
      return syncStatus(db);
    case 'match-sender':
      return matchSender(db, request.sender);
    case 'timeline':
      return timelineOf(db, request.customerId);
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

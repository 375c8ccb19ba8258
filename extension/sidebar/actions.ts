import { getLocalDb } from '../local-db/db';
import { addNote } from '../local-db/mutations/add-note';
import { createCustomerFromSender, type CreateCustomerInput } from '../local-db/mutations/create-customer';
import { dismissRejected } from '../local-db/mutations/dismiss-rejected';
import { sendToBackground } from '../messaging/runtime-client';

/** Local mutations, then a nudge so the worker pushes at once (offline: it retries later). */
function nudgeSync(): void {
  sendToBackground({ type: 'sync-now' }).catch(() => undefined);
}

export async function createCustomer(input: CreateCustomerInput): Promise<void> {
  await createCustomerFromSender(getLocalDb(), input);
  nudgeSync();
}

export async function addNoteToCustomer(customerId: string, text: string, threadId: string | null): Promise<void> {
  await addNote(getLocalDb(), { customerId, text, sourceRef: threadId });
  nudgeSync();
}

export async function dismissChange(mutationId: string): Promise<void> {
  await dismissRejected(getLocalDb(), mutationId);
}

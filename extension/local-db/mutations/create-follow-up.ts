import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { isOverdue } from '../../../shared/domain/follow-up-board';
import { NOT_ENDED, type FollowUp, type FollowUpCreateInput } from '../../../shared/schemas/follow-up';
import type { LocalDb } from '../db';
import { getMeta } from '../meta';
import { MissingRowError } from './invalid-values';
import { outboxEntry } from './outbox-entry';

export type CreateFollowUpInput = Omit<FollowUpCreateInput, 'id' | 'ownerUserId'> & {
  /** Default: the signed-in user. */
  ownerUserId?: string;
  /** The person confirmed a due time in the past: it is overdue from the start (issue 4 "bad input"). */
  allowOverdue?: boolean;
};

/** The issue a past due time gets until the person confirms it; the form shows it as a warning. */
export const PAST_DUE_MESSAGE = 'the due time is in the past: confirm to save it as overdue';

/**
 * A follow-up made by a person (from the open email, a timeline item or the customer) + its
 * followUp.create entry, in one transaction. Due times are stored in UTC; the form reads them in
 * the user's zone. Invalid values throw a ZodError before anything is written.
 */
export async function createFollowUp(db: LocalDb, input: CreateFollowUpInput, now = new Date()): Promise<string> {
  const session = await getMeta(db, 'session');
  if (!session) throw new Error('not signed in: a follow-up needs an owner');
  const { allowOverdue, ...fields } = input;
  const id = uuidv7();
  const dueAt = Number.isNaN(Date.parse(input.dueAt)) ? input.dueAt : new Date(input.dueAt).toISOString();
  const entry = outboxEntry(
    {
      id: uuidv7(),
      kind: 'followUp.create',
      baseVersion: null,
      payload: { ...fields, id, dueAt, ownerUserId: input.ownerUserId ?? session.userId },
    },
    'followUp',
    id,
    now.toISOString(),
  );
  if (entry.mutation.kind !== 'followUp.create') throw new Error('unreachable');
  const p = entry.mutation.payload;
  if (!allowOverdue && isOverdue(p.dueAt, now)) {
    throw new z.ZodError([{ code: 'custom', message: PAST_DUE_MESSAGE, path: ['payload', 'dueAt'], input: p.dueAt }]);
  }
  const row: FollowUp = {
    ...p,
    ...NOT_ENDED,
    occasion: null,
    createdByUserId: session.userId,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    version: 0,
  };
  await db.transaction('rw', [db.customers, db.followUps, db.outbox], async () => {
    if (!(await db.customers.get(p.customerId))) throw new MissingRowError('customer', p.customerId);
    await db.followUps.add(row);
    await db.outbox.add(entry);
  });
  return id;
}

import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { isOverdue } from '../../../shared/domain/follow-up-board';
import {
  endedBy,
  followUpCompleteSchema,
  followUpCustomerRepliedSchema,
  followUpPatchSchema,
  NOT_ENDED,
  type FollowUp,
  type FollowUpPatch,
} from '../../../shared/schemas/follow-up';
import type { MutationInput } from '../../../shared/schemas/sync';
import type { LocalDb } from '../db';
import { getMeta } from '../meta';
import { PAST_DUE_MESSAGE } from './create-follow-up';
import { MissingRowError } from './invalid-values';
import { outboxEntry } from './outbox-entry';

type FollowUpMutation = Extract<MutationInput, { kind: `followUp.${string}` }>;

/**
 * One change to a follow-up: the optimistic row (what the server's handler makes of it) + the
 * entry, in one transaction. The row before is kept, so a refused change, once dismissed, puts it
 * back (dismiss-rejected). Payloads are parsed before anything is written (ZodError on bad values).
 */
async function change(db: LocalDb, id: string, mutation: Omit<FollowUpMutation, 'id' | 'baseVersion'>, next: Partial<FollowUp>) {
  const now = new Date().toISOString();
  const before = await db.followUps.get(id);
  if (!before) throw new MissingRowError('followUp', id);
  const entry = outboxEntry({ ...mutation, id: uuidv7(), baseVersion: before.version } as FollowUpMutation, 'followUp', id, now);
  await db.transaction('rw', [db.followUps, db.outbox], async () => {
    const current = await db.followUps.get(id);
    if (!current) throw new MissingRowError('followUp', id);
    await db.followUps.put({ ...current, ...next, updatedAt: now });
    await db.outbox.add({ ...entry, previousRow: current });
  });
}

const utc = (instant: string) => (Number.isNaN(Date.parse(instant)) ? instant : new Date(instant).toISOString());

/** Reschedule, reassign or reword an open follow-up (a past due time needs `allowOverdue`, as on create). */
export async function updateFollowUp(db: LocalDb, id: string, patch: FollowUpPatch, options: { allowOverdue?: boolean } = {}) {
  const parsed = followUpPatchSchema.parse(patch.dueAt === undefined ? patch : { ...patch, dueAt: utc(patch.dueAt) });
  if (parsed.dueAt && !options.allowOverdue && isOverdue(parsed.dueAt, new Date())) {
    throw new z.ZodError([{ code: 'custom', message: PAST_DUE_MESSAGE, path: ['patch', 'dueAt'], input: parsed.dueAt }]);
  }
  await change(db, id, { kind: 'followUp.update', payload: { id, patch: parsed } }, parsed);
}

/** Done (with what happened and, for visits and return visits, a 1-5 rating) or skipped. */
export async function completeFollowUp(
  db: LocalDb,
  id: string,
  input: { status: 'done' | 'skipped'; outcome?: string | null; satisfaction?: number | null },
) {
  const session = await getMeta(db, 'session');
  const p = followUpCompleteSchema.parse({ ...input, id, completedAt: new Date().toISOString() });
  if (p.satisfaction !== null && p.status !== 'done') {
    throw new z.ZodError([{ code: 'custom', message: 'a rating needs the follow-up done', path: ['satisfaction'], input: p.satisfaction }]);
  }
  const { id: _id, ...ended } = p;
  await change(db, id, { kind: 'followUp.complete', payload: p }, { ...ended, completedByUserId: session?.userId ?? null, closedBy: 'user' });
}

/** Undo of complete. */
export async function reopenFollowUp(db: LocalDb, id: string) {
  await change(db, id, { kind: 'followUp.reopen', payload: { id } }, NOT_ENDED);
}

/** The customer replied in the watched thread (the background's no-reply rule saw it). */
export async function markCustomerReplied(db: LocalDb, id: string, messageId: string, repliedAt: string) {
  const p = followUpCustomerRepliedSchema.parse({ id, messageId, repliedAt: utc(repliedAt) });
  await change(db, id, { kind: 'followUp.customerReplied', payload: p }, endedBy('customer_reply', p.repliedAt));
}

import { v7 as uuidv7 } from 'uuid';
import { matchKeyOf } from '../../../shared/domain/email';
import { matchChoiceId } from '../../../shared/domain/match-choice';
import type { LocalDb } from '../db';
import { getMeta } from '../meta';
import { outboxEntry } from './outbox-entry';

/**
 * "This address is this customer", when several match: the user's choice row + a matchChoice.set
 * entry, in one transaction. The row id is derived from user and address (shared matchChoiceId),
 * as the server derives it, so the server's row later replaces this one under the same id. The id
 * is computed BEFORE the transaction: Web Crypto is not Dexie, and awaiting it inside would
 * commit the transaction early.
 */
export async function setMatchChoice(db: LocalDb, address: string, customerId: string): Promise<void> {
  const now = new Date().toISOString();
  const session = await getMeta(db, 'session');
  if (!session) throw new Error('not signed in: a match choice belongs to a user');
  const addressKey = matchKeyOf(address);
  const id = await matchChoiceId(session.userId, addressKey);
  const entry = outboxEntry(
    { id: uuidv7(), kind: 'matchChoice.set', baseVersion: null, payload: { address, customerId } },
    'matchChoice',
    id,
    now,
  );
  await db.transaction('rw', [db.matchChoices, db.outbox], async () => {
    const previous = await db.matchChoices.get(id);
    await db.matchChoices.put({ id, addressKey, customerId, updatedAt: now });
    // null = there was no choice: dismissing a refused one removes the row again.
    await db.outbox.add({ ...entry, previousRow: previous ?? null });
  });
}

import type { FollowUp } from '../../../shared/schemas/follow-up';
import type { LocalDb } from '../db';
import { openFollowUpsOf, signedInUserId } from './follow-ups';

/** A follow-up on the boards, with the names it is shown under. */
export type BoardEntry = FollowUp & { customerName: string; contactName: string | null };

/** The boards read at most this many open follow-ups (the earliest due). */
export const BOARD_LIMIT = 300;

/**
 * The signed-in user's open follow-ups with customer and contact names: one index range and two
 * key lookups, so the sidebar's no-thread state and the popup open at once. The shared rule
 * (follow-up-board) puts them on boards in the user's zone.
 */
export async function boardEntries(db: LocalDb): Promise<BoardEntry[]> {
  const userId = await signedInUserId(db);
  if (!userId) return [];
  const open = await openFollowUpsOf(db, userId, BOARD_LIMIT);
  const [customers, contacts] = await Promise.all([
    db.customers.bulkGet([...new Set(open.map((f) => f.customerId))]),
    db.contacts.bulkGet([...new Set(open.flatMap((f) => (f.contactId ? [f.contactId] : [])))]),
  ]);
  const customerName = new Map(customers.flatMap((c) => (c ? [[c.id, c.name]] : [])));
  const contactName = new Map(contacts.flatMap((c) => (c ? [[c.id, c.name]] : [])));
  // A follow-up whose customer is gone from the replica is on its way out too (tombstones).
  return open
    .filter((f) => customerName.has(f.customerId))
    .map((f) => ({ ...f, customerName: customerName.get(f.customerId)!, contactName: f.contactId ? (contactName.get(f.contactId) ?? null) : null }));
}

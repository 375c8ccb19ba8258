import Dexie from 'dexie';
import { lastTouchAt } from '../../../shared/domain/cadence';
import type { LocalDb } from '../db';

/**
 * When the customer was last touched (the newest email, call, meeting or visit on its timeline
 * that has happened by `now`: a calendar meeting still to come does not count yet), or null: the
 * input of the shared dormancy rule (shared/domain/cadence dormancyOf).
 */
export async function lastTouchOf(db: LocalDb, customerId: string, now: Date = new Date()): Promise<string | null> {
  const rows = await db.timeline
    .where('[customerId+occurredAt]')
    .between([customerId, Dexie.minKey], [customerId, Dexie.maxKey])
    .toArray();
  return lastTouchAt(rows, now);
}

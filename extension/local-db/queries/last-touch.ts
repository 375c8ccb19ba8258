import Dexie from 'dexie';
import { isTouch } from '../../../shared/domain/cadence';
import type { LocalDb } from '../db';

/**
 * When the customer was last touched (the newest email, call, meeting or visit on its timeline),
 * or null: the input of the shared dormancy rule (shared/domain/cadence dormancyOf).
 */
export async function lastTouchOf(db: LocalDb, customerId: string): Promise<string | null> {
  const rows = await db.timeline
    .where('[customerId+occurredAt]')
    .between([customerId, Dexie.minKey], [customerId, Dexie.maxKey])
    .toArray();
  let newest: { at: string; ms: number } | null = null;
  for (const item of rows) {
    if (!isTouch(item.kind)) continue;
    // Instants may carry different offsets, so compare parsed times, not the strings.
    const ms = Date.parse(item.occurredAt);
    if (!newest || ms > newest.ms) newest = { at: item.occurredAt, ms };
  }
  return newest?.at ?? null;
}

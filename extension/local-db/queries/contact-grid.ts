import { addDays, localDateOf } from '../../../shared/domain/zoned-time';
import { contactGrid, monthSpan, type GridMonth, type GridRow, type GridTouch } from '../../../shared/domain/contact-grid';
import type { LocalDb } from '../db';
import { signedInUserId } from './follow-ups';

export type GridScope = 'mine' | 'all';

/**
 * The monthly contact grid from the replica (its own page, not the sidebar): the user's customers
 * (or all), and their timeline items of the month, read per customer from [customerId+occurredAt].
 * Stored instants may carry any offset, so each range is widened by a day on both sides (no offset
 * exceeds 14 h) and the shared rule keeps the touches that fall in the month in the viewer's zone.
 */
export async function contactGridOf(db: LocalDb, month: GridMonth, timeZone: string, scope: GridScope): Promise<ContactGridView> {
  const userId = await signedInUserId(db);
  const customers = (await db.customers.toArray()).filter((c) => scope === 'all' || c.ownerUserId === userId);
  const { days } = monthSpan(month, timeZone);
  const from = addDays(days[0]!, -1);
  const to = addDays(days.at(-1)!, 2);
  const touches: GridTouch[] = [];
  for (const c of customers) {
    const items = await db.timeline.where('[customerId+occurredAt]').between([c.id, from], [c.id, to]).toArray();
    touches.push(...items);
  }
  const now = new Date();
  const grid = contactGrid(
    month,
    timeZone,
    customers.map((c) => ({ id: c.id, name: c.name, customerClass: c.customerClass })),
    touches,
    now,
  );
  return { ...grid, today: localDateOf(now, timeZone) };
}

export type ContactGridView = { days: string[]; rows: GridRow[]; today: string };

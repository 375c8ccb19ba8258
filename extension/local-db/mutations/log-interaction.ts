import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { CADENCE_PURPOSE } from '../../../shared/domain/cadence-rule';
import { endedBy } from '../../../shared/schemas/follow-up';
import { MAX_TOUCH_AHEAD_MS, type InteractionLogInput } from '../../../shared/schemas/interaction';
import type { TimelineItem } from '../../../shared/schemas/timeline';
import type { LocalDb, SideRow } from '../db';
import { getMeta } from '../meta';
import { MissingRowError } from './invalid-values';
import { outboxEntry } from './outbox-entry';
import { putSideRow } from './side-rows';

export type LogInteractionInput = Omit<InteractionLogInput, 'id'>;

/**
 * A touch logged by hand (call, email, meeting, visit): the timeline item + its interaction.log
 * entry, and, as the server will, the customer's open cadence follow-ups it satisfies ended as
 * "touched" (a touch ends the touch one; a meeting or visit the visit one too).
 */
export async function logInteraction(db: LocalDb, input: LogInteractionInput): Promise<string> {
  const now = new Date();
  const id = uuidv7();
  const occurredAt = Number.isNaN(Date.parse(input.occurredAt)) ? input.occurredAt : new Date(input.occurredAt).toISOString();
  const entry = outboxEntry(
    { id: uuidv7(), kind: 'interaction.log', baseVersion: null, payload: { ...input, occurredAt, id } },
    'timelineItem',
    id,
    now.toISOString(),
  );
  if (entry.mutation.kind !== 'interaction.log') throw new Error('unreachable');
  const p = entry.mutation.payload;
  if (Date.parse(p.occurredAt) > now.getTime() + MAX_TOUCH_AHEAD_MS) {
    throw new z.ZodError([{ code: 'custom', message: 'a touch cannot be in the future', path: ['payload', 'occurredAt'], input: p.occurredAt }]);
  }
  const session = await getMeta(db, 'session');
  const purposes: string[] = [CADENCE_PURPOSE.touch, ...(p.kind === 'meeting' || p.kind === 'visit' ? [CADENCE_PURPOSE.visit] : [])];
  const item: TimelineItem = {
    id,
    customerId: p.customerId,
    kind: p.kind,
    occurredAt: p.occurredAt,
    authorUserId: session?.userId ?? null,
    contactIds: [...new Set(p.contactIds)],
    summary: p.summary,
    sourceRef: p.sourceRef,
    private: false,
    createdAt: now.toISOString(),
  };
  await db.transaction('rw', [db.customers, db.timeline, db.followUps, db.outbox], async () => {
    if (!(await db.customers.get(p.customerId))) throw new MissingRowError('customer', p.customerId);
    await db.timeline.add(item);
    const ended = await db.followUps
      .where('customerId')
      .equals(p.customerId)
      .filter((f) => f.status === 'open' && purposes.includes(f.purpose))
      .toArray();
    const end = endedBy('touch', now.toISOString(), session?.userId ?? null);
    // Recorded, so a refused touch, once dismissed, takes its item away and reopens these.
    const sideRows: SideRow[] = [];
    for (const f of ended) sideRows.push(await putSideRow(db, 'followUps', f, { ...f, ...end }));
    await db.outbox.add({ ...entry, previousRow: null, sideRows });
  });
  return id;
}

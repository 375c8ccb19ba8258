import { v7 as uuidv7 } from 'uuid';
import type { TimelineItem } from '../../../shared/schemas/timeline';
import type { LocalDb } from '../db';
import { getMeta } from '../meta';
import { outboxEntry } from './outbox-entry';

export type AddNoteInput = { customerId: string; text: string; sourceRef: string | null; private?: boolean };

/** A note on the timeline + its note.create outbox entry, in one transaction. */
export async function addNote(db: LocalDb, input: AddNoteInput): Promise<string> {
  const now = new Date().toISOString();
  const id = uuidv7();
  const entry = outboxEntry(
    {
      id: uuidv7(),
      kind: 'note.create',
      baseVersion: null,
      payload: {
        id,
        customerId: input.customerId,
        summary: input.text.trim(),
        occurredAt: now,
        contactIds: [],
        sourceRef: input.sourceRef,
        private: input.private ?? false,
      },
    },
    'timelineItem',
    id,
    now,
  );
  if (entry.mutation.kind !== 'note.create') throw new Error('unreachable');
  const note = entry.mutation.payload;
  await db.transaction('rw', [db.timeline, db.outbox, db.meta], async () => {
    const session = await getMeta(db, 'session');
    const row: TimelineItem = {
      id,
      customerId: note.customerId,
      kind: 'note',
      occurredAt: note.occurredAt,
      authorUserId: session?.userId ?? null,
      contactIds: note.contactIds,
      summary: note.summary,
      sourceRef: note.sourceRef,
      private: note.private,
      createdAt: now,
    };
    await db.timeline.add(row);
    await db.outbox.add(entry);
  });
  return id;
}

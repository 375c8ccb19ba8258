import { z } from 'zod';
import { idSchema, instantSchema, textSchema } from './common';

/** Kinds from DOMAIN.md "Timeline"; the skeleton writes notes, ingestion adds the rest. */
export const timelineKindSchema = z.enum([
  'email',
  'meeting',
  'visit',
  'call',
  'note',
  'follow_up',
  'complaint',
  'satisfaction',
  'care',
]);
export type TimelineKind = z.infer<typeof timelineKindSchema>;

export const timelineItemSchema = z.object({
  id: idSchema,
  customerId: idSchema,
  kind: timelineKindSchema,
  occurredAt: instantSchema,
  authorUserId: idSchema.nullable(),
  contactIds: z.array(idSchema),
  /** Plain text only; rendered with textContent, never as HTML. */
  summary: z.string(),
  /** Where it came from, e.g. a Gmail thread id, for the link back to the source. */
  sourceRef: z.string().nullable(),
  /** A private note: only its author ever receives it (DOMAIN.md "People and permissions"). */
  private: z.boolean(),
  createdAt: instantSchema,
});
export type TimelineItem = z.infer<typeof timelineItemSchema>;

export const noteCreateSchema = z.object({
  id: idSchema,
  customerId: idSchema,
  summary: textSchema(10_000).min(1, 'a note cannot be empty'),
  occurredAt: instantSchema,
  contactIds: z.array(idSchema).max(50).default([]),
  sourceRef: textSchema(500).nullable().default(null),
  private: z.boolean().default(false),
});
export type NoteCreate = z.infer<typeof noteCreateSchema>;

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

/**
 * What colleagues see of an imported mail or meeting (issue 5). The mailbox owners always see
 * everything; `private` hides the item from everyone else.
 */
export const mailSharingSchema = z.enum(['private', 'metadata', 'subject', 'full']);
export type MailSharing = z.infer<typeof mailSharingSchema>;
export const MAIL_SHARING_LEVELS = mailSharingSchema.options;

export const mailPartySchema = z.object({ address: z.string(), name: z.string().nullable() });
export type MailParty = z.infer<typeof mailPartySchema>;

/** The mailbox or calendar an email or meeting item was imported from, as this viewer may see it. */
export const importedSourceSchema = z.object({
  provider: z.string(),
  /** Emails only: from the customer (inbound) or from us (outbound). */
  direction: z.enum(['inbound', 'outbound']).nullable(),
  /** Null when the viewer may see only that the message happened (sharing `metadata`). */
  subject: z.string().nullable(),
  from: mailPartySchema.nullable(),
  participants: z.array(mailPartySchema),
  /** Gmail thread id / Outlook conversation id in the owner's mailbox. */
  threadRef: z.string().nullable(),
  endsAt: instantSchema.nullable(),
  location: z.string().nullable(),
  sharing: mailSharingSchema,
  /** The viewer's own mailbox or calendar holds it. */
  mine: z.boolean(),
  /** Plain text (quoted history stripped); only for the owners, or everyone when shared in full. */
  body: z.string().nullable(),
});
export type ImportedSource = z.infer<typeof importedSourceSchema>;

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
  /** Imported mail and meetings only (issue 5); absent on notes, calls and older rows. */
  imported: importedSourceSchema.nullable().optional(),
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

import { z } from 'zod';
import { idSchema, instantSchema, textSchema } from './common';

/**
 * Follow-ups (跟进 / 回访), DOMAIN.md "Follow-ups": something someone must do for a customer by a
 * due time. People make them by hand; rules make them too (cadence, complaint, visit, care), and
 * say which rule in `purpose`, so the sidebar can phrase the reason and a greeting in the
 * reader's language instead of storing one language's text.
 */
export const followUpStatusSchema = z.enum(['open', 'done', 'skipped']);
export type FollowUpStatus = z.infer<typeof followUpStatusSchema>;

/** Who or what made it (reports count them per source). */
export const followUpSourceSchema = z.enum(['manual', 'email_reply', 'cadence', 'complaint', 'visit', 'care', 'import']);
export type FollowUpSource = z.infer<typeof followUpSourceSchema>;

/** What it is for; everything but `general` and `no_reply` is made by a rule on the server. */
export const followUpPurposeSchema = z.enum([
  'general',
  'no_reply',
  'cadence_touch',
  'cadence_visit',
  'complaint_promised_reply',
  'complaint_return_visit',
  'visit_thank_you',
  'visit_proposal',
  'care_birthday',
  'care_holiday',
]);
export type FollowUpPurpose = z.infer<typeof followUpPurposeSchema>;

/** How an ended follow-up ended: a person, the customer's reply in the watched thread, or a logged touch. */
export const followUpClosedBySchema = z.enum(['user', 'customer_reply', 'touch']);
export type FollowUpClosedBy = z.infer<typeof followUpClosedBySchema>;

/**
 * A conversation across tiers: `<host>:<thread id>` where the id is the one both the page and the
 * provider API use (Gmail's hex thread id; Outlook's conversation id).
 */
export const threadRefSchema = z
  .string()
  .max(300)
  .regex(/^[a-z]+:[^\s]+$/, 'must be <host>:<thread id>');
export type ThreadRef = z.infer<typeof threadRefSchema>;

/**
 * "Follow up if no reply": the thread to watch and its newest message when the follow-up was
 * made; a message from the customer's side after that one closes the follow-up
 * (shared/domain rule used by the extension and by mail ingestion alike).
 */
export const replyWatchSchema = z.object({
  threadRef: threadRefSchema,
  /** null when the page showed no message id; then only mail newer than createdAt counts. */
  afterMessageId: z.string().min(1).max(200).nullable(),
});
export type ReplyWatch = z.infer<typeof replyWatchSchema>;

export const careOccasionKindSchema = z.enum(['birthday', 'spring_festival', 'mid_autumn', 'dragon_boat', 'new_year', 'org_date']);
export type CareOccasionKind = z.infer<typeof careOccasionKindSchema>;

/** For care follow-ups: the occasion and its date this year (a lunar holiday already converted). */
export const careOccasionSchema = z.object({
  kind: careOccasionKindSchema,
  /** The organisation's own name for an org_date; null for the built-in occasions. */
  name: z.string().max(100).nullable(),
  date: z.iso.date(),
});
export type CareOccasion = z.infer<typeof careOccasionSchema>;

export const satisfactionSchema = z.number().int().min(1, 'rating is 1 to 5').max(5, 'rating is 1 to 5');

export const followUpSchema = z.object({
  id: idSchema,
  customerId: idSchema,
  contactId: idSchema.nullable(),
  ownerUserId: idSchema,
  dueAt: instantSchema,
  /** What a person typed; empty for rule-made follow-ups, which are phrased from `purpose`. */
  reason: z.string(),
  purpose: followUpPurposeSchema,
  source: followUpSourceSchema,
  status: followUpStatusSchema,
  replyWatch: replyWatchSchema.nullable(),
  /** The record it was made from: a timeline item, complaint, visit or contact. */
  sourceId: idSchema.nullable(),
  occasion: careOccasionSchema.nullable(),
  completedAt: instantSchema.nullable(),
  completedByUserId: idSchema.nullable(),
  /** What happened, as the person who ended it wrote it. */
  outcome: z.string().nullable(),
  closedBy: followUpClosedBySchema.nullable(),
  /** A 1-5 rating recorded when a return visit or visit follow-up is done. */
  satisfaction: satisfactionSchema.nullable(),
  /** null when a rule on the server made it. */
  createdByUserId: idSchema.nullable(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  version: z.number().int().nonnegative(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

/** The end fields of a follow-up that has not ended: a new one, or one reopened. */
export const NOT_ENDED = {
  status: 'open',
  completedAt: null,
  completedByUserId: null,
  outcome: null,
  closedBy: null,
  satisfaction: null,
} as const;

/** The end fields when a rule ends it: the customer replied, or a touch was logged (by `byUserId`, when a person logged it). */
export function endedBy(closedBy: 'customer_reply' | 'touch', completedAt: string, byUserId: string | null = null) {
  return { status: 'done', closedBy, completedAt, completedByUserId: byUserId, outcome: null, satisfaction: null } as const;
}

const reasonSchema = textSchema(1000);

/** A person makes a follow-up: from an email (optionally watching for a reply), a timeline item or the customer. */
export const followUpCreateSchema = z
  .object({
    id: idSchema,
    customerId: idSchema,
    contactId: idSchema.nullable().default(null),
    ownerUserId: idSchema,
    dueAt: instantSchema,
    reason: reasonSchema.min(1, 'say what to follow up on'),
    replyWatch: replyWatchSchema.nullable().default(null),
    sourceId: idSchema.nullable().default(null),
  })
  .transform((f) => ({
    ...f,
    purpose: (f.replyWatch ? 'no_reply' : 'general') as FollowUpPurpose,
    source: (f.replyWatch ? 'email_reply' : 'manual') as FollowUpSource,
  }));
export type FollowUpCreate = z.output<typeof followUpCreateSchema>;
export type FollowUpCreateInput = z.input<typeof followUpCreateSchema>;

/** Reschedule, reassign or reword an open follow-up; last writer wins per field. */
export const followUpPatchSchema = z
  .object({
    dueAt: instantSchema,
    reason: reasonSchema,
    ownerUserId: idSchema,
    contactId: idSchema.nullable(),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'patch must change at least one field');
export type FollowUpPatch = z.infer<typeof followUpPatchSchema>;

/** A person ends a follow-up. */
export const followUpCompleteSchema = z.object({
  id: idSchema,
  status: z.enum(['done', 'skipped']),
  outcome: textSchema(4000).nullable().default(null),
  satisfaction: satisfactionSchema.nullable().default(null),
  completedAt: instantSchema,
});
export type FollowUpComplete = z.output<typeof followUpCompleteSchema>;

/** The extension saw the customer reply in the watched thread (the same rule ingestion applies). */
export const followUpCustomerRepliedSchema = z.object({
  id: idSchema,
  /** The new message's host id, for the record. */
  messageId: z.string().min(1).max(200),
  repliedAt: instantSchema,
});
export type FollowUpCustomerReplied = z.infer<typeof followUpCustomerRepliedSchema>;

import { z } from 'zod';
import { idSchema, instantSchema, textSchema } from './common';
import { satisfactionSchema, threadRefSchema } from './follow-up';

/**
 * Service requests and complaints (服务请求 / 投诉), DOMAIN.md "Service: complaints and requests":
 * every inquiry, request or complaint gets a first reply within a deadline (24 h, 2 h when
 * urgent), and a complaint moves through a fixed workflow (shared/domain decides which moves are
 * legal; the server checks them again).
 */
export const serviceTypeSchema = z.enum(['request', 'complaint']);
export type ServiceType = z.infer<typeof serviceTypeSchema>;

export const serviceChannelSchema = z.enum(['email', 'phone', 'portal', 'visit', 'chat', 'other']);
export type ServiceChannel = z.infer<typeof serviceChannelSchema>;

/**
 * received → committed (a promised reply time) → options (3-4 prepared, the customer's choice)
 * → resolved (a reply AND a result) → return_visit (1-2 follow-ups made automatically) → closed.
 * A request only needs received → resolved → closed.
 */
export const serviceStageSchema = z.enum(['received', 'committed', 'options', 'resolved', 'return_visit', 'closed']);
export type ServiceStage = z.infer<typeof serviceStageSchema>;

/** Feedback is tagged praise / complaint / suggestion (reports count them). */
export const feedbackTagSchema = z.enum(['praise', 'complaint', 'suggestion']);
export type FeedbackTag = z.infer<typeof feedbackTagSchema>;

export const serviceOptionSchema = z.object({
  /** Stable within the item, so the customer's choice survives re-ordering. */
  id: z.string().min(1).max(40),
  text: z.string(),
});
export type ServiceOption = z.infer<typeof serviceOptionSchema>;

export const serviceItemSchema = z.object({
  id: idSchema,
  customerId: idSchema,
  contactId: idSchema.nullable(),
  type: serviceTypeSchema,
  urgent: z.boolean(),
  channel: serviceChannelSchema,
  /** Who answers for it towards the customer (one owner, even when work is delegated). */
  ownerUserId: idSchema,
  /** The request restated in our words ("listen, record, restate"). */
  summary: z.string(),
  /** When the clock started: the inbound mail's arrival, or when it was logged. */
  receivedAt: instantSchema,
  /** receivedAt + the organisation's first-reply time (urgent or not) when it was logged. */
  firstReplyDueAt: instantSchema,
  firstReplyAt: instantSchema.nullable(),
  stage: serviceStageSchema,
  /** Committed: reply to the customer at this time whatever the progress. */
  promisedReplyAt: instantSchema.nullable(),
  options: z.array(serviceOptionSchema).max(4),
  chosenOptionId: z.string().max(40).nullable(),
  /** Resolved needs both: what we told the customer, and what was done. */
  reply: z.string().nullable(),
  result: z.string().nullable(),
  resolvedAt: instantSchema.nullable(),
  satisfaction: satisfactionSchema.nullable(),
  feedbackTag: feedbackTagSchema.nullable(),
  /** The conversation it came from, so a reply from us there counts as the first reply. */
  threadRef: threadRefSchema.nullable(),
  /** The newest message of that thread when it was logged (see ReplyWatch). */
  afterMessageId: z.string().max(200).nullable(),
  /** The timeline item (an email) it was logged from, if any. */
  sourceId: idSchema.nullable(),
  closedAt: instantSchema.nullable(),
  createdByUserId: idSchema.nullable(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  version: z.number().int().nonnegative(),
});
export type ServiceItem = z.infer<typeof serviceItemSchema>;

// Mutation payloads (issue 4, service). Shapes and bounds only: what each workflow step needs
// (a reply AND a result to resolve, 3-4 options, ...) depends on the item's stage and is decided
// by shared/domain/service-workflow, on both sides, with a message saying what is missing.

/** Log a request or complaint: from an open email (thread and newest message), or by hand. */
export const serviceCreateSchema = z.object({
  id: idSchema,
  customerId: idSchema,
  contactId: idSchema.nullable().default(null),
  type: serviceTypeSchema,
  urgent: z.boolean().default(false),
  channel: serviceChannelSchema,
  ownerUserId: idSchema,
  summary: textSchema(2000).min(1, 'restate the request in a few words'),
  /** When the clock starts: the inbound mail's arrival when known, else when it was logged. */
  receivedAt: instantSchema,
  threadRef: threadRefSchema.nullable().default(null),
  afterMessageId: z.string().min(1).max(200).nullable().default(null),
  sourceId: idSchema.nullable().default(null),
  feedbackTag: feedbackTagSchema.nullable().default(null),
});
export type ServiceCreate = z.output<typeof serviceCreateSchema>;
export type ServiceCreateInput = z.input<typeof serviceCreateSchema>;

/** Edit what was recorded; the type changes only while the item is still `received`. */
export const servicePatchSchema = z
  .object({
    summary: textSchema(2000).min(1, 'restate the request in a few words'),
    urgent: z.boolean(),
    type: serviceTypeSchema,
    channel: serviceChannelSchema,
    ownerUserId: idSchema,
    contactId: idSchema.nullable(),
    feedbackTag: feedbackTagSchema.nullable(),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'patch must change at least one field');
export type ServicePatch = z.infer<typeof servicePatchSchema>;

/** We answered the customer for the first time (by hand, or our message seen in the thread). */
export const serviceFirstReplySchema = z.object({
  id: idSchema,
  repliedAt: instantSchema,
  /** The host's id of our message, when a thread rule saw it. */
  messageId: z.string().min(1).max(200).nullable().default(null),
});
export type ServiceFirstReply = z.output<typeof serviceFirstReplySchema>;

/** Complaint: promise the customer an answer at this time (again: a new promise moves the reminder). */
export const serviceCommitSchema = z.object({ id: idSchema, promisedReplyAt: instantSchema });
export type ServiceCommit = z.infer<typeof serviceCommitSchema>;

/** Complaint: the options prepared and, once the customer confirms one, their choice. */
export const serviceOptionsSchema = z.object({
  id: idSchema,
  options: z.array(serviceOptionSchema.extend({ text: textSchema(1000) })).max(4, 'at most 4 options'),
  chosenOptionId: z.string().max(40).nullable().default(null),
});
export type ServiceOptions = z.output<typeof serviceOptionsSchema>;

/** Resolved: what we told the customer AND what was done (both required, see the workflow). */
export const serviceResolveSchema = z.object({
  id: idSchema,
  reply: textSchema(4000),
  result: textSchema(4000),
  satisfaction: satisfactionSchema.nullable().default(null),
  feedbackTag: feedbackTagSchema.nullable().default(null),
  resolvedAt: instantSchema,
});
export type ServiceResolve = z.output<typeof serviceResolveSchema>;

export const serviceCloseSchema = z.object({ id: idSchema, closedAt: instantSchema });
export type ServiceClose = z.infer<typeof serviceCloseSchema>;

import { z } from 'zod';
import { idSchema, instantSchema, textSchema } from './common';
import { satisfactionSchema } from './follow-up';
import { feedbackTagSchema } from './service-item';

/**
 * Visits (拜访), DOMAIN.md "Visits and meetings": a plan before (time, who, purpose, expected
 * result), a report after (outcome, needs, feedback, next steps), automatic follow-ups
 * (thank-you, and a proposal after a first meeting) and a manager's review.
 */
export const visitStatusSchema = z.enum(['planned', 'held', 'cancelled']);
export type VisitStatus = z.infer<typeof visitStatusSchema>;

export const visitReportSchema = z.object({
  heldAt: instantSchema,
  outcome: z.string(),
  needs: z.string().nullable(),
  feedback: z.string().nullable(),
  nextSteps: z.string().nullable(),
  satisfaction: satisfactionSchema.nullable(),
  /** The customer's feedback tagged like a service item's (reports count praise, complaints, suggestions). */
  feedbackTag: feedbackTagSchema.nullable().default(null),
  reportedAt: instantSchema,
  reportedByUserId: idSchema,
});
export type VisitReport = z.infer<typeof visitReportSchema>;

export const visitReviewSchema = z.object({
  reviewerUserId: idSchema,
  comment: z.string(),
  reviewedAt: instantSchema,
});
export type VisitReview = z.infer<typeof visitReviewSchema>;

export const visitSchema = z.object({
  id: idSchema,
  customerId: idSchema,
  /** Who plans and goes (the visit counts for this person's plan). */
  ownerUserId: idSchema,
  /** The calendar meeting on the timeline this plan belongs to, when there is one. */
  meetingItemId: idSchema.nullable(),
  plannedAt: instantSchema,
  /** The customer's people we meet. */
  contactIds: z.array(idSchema),
  /** Our people who go. */
  userIds: z.array(idSchema),
  purpose: z.string(),
  expectedResult: z.string(),
  status: visitStatusSchema,
  /** Set when reported: no earlier held visit or meeting with this customer (a proposal is then due). */
  firstMeeting: z.boolean().nullable(),
  report: visitReportSchema.nullable(),
  review: visitReviewSchema.nullable(),
  createdByUserId: idSchema.nullable(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  version: z.number().int().nonnegative(),
});
export type Visit = z.infer<typeof visitSchema>;

// Mutation payloads (issue 4, visits). What a step needs beyond its shape (someone to meet, the
// plan still open, a manager reviewing) is decided by shared/domain/visit-rules on both sides.

const planText = textSchema(2000);
const reportText = textSchema(4000).nullable().default(null);
/** Also copied to the customer's needs.lastNeed / lastFeedback, which hold 2000 characters. */
const needsText = textSchema(2000).nullable().default(null);

/** Before: time, who (the customer's people, and ours), purpose and the expected result. */
export const visitPlanSchema = z.object({
  id: idSchema,
  customerId: idSchema,
  ownerUserId: idSchema,
  meetingItemId: idSchema.nullable().default(null),
  plannedAt: instantSchema,
  contactIds: z.array(idSchema).min(1, 'choose whom you will meet').max(50),
  userIds: z.array(idSchema).max(50).default([]),
  purpose: planText.min(1, 'say what the visit is for'),
  expectedResult: planText.min(1, 'say what result you expect'),
});
export type VisitPlan = z.output<typeof visitPlanSchema>;
export type VisitPlanInput = z.input<typeof visitPlanSchema>;

/** Change a plan that has not happened yet; last writer wins per field. */
export const visitPatchSchema = z
  .object({
    ownerUserId: idSchema,
    meetingItemId: idSchema.nullable(),
    plannedAt: instantSchema,
    contactIds: z.array(idSchema).min(1, 'choose whom you will meet').max(50),
    userIds: z.array(idSchema).max(50),
    purpose: planText.min(1, 'say what the visit is for'),
    expectedResult: planText.min(1, 'say what result you expect'),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'patch must change at least one field');
export type VisitPatch = z.infer<typeof visitPatchSchema>;

/** After: what happened. `firstMeeting` as the reporter confirmed it (the form suggests it from the timeline). */
export const visitReportInputSchema = z.object({
  id: idSchema,
  heldAt: instantSchema,
  outcome: textSchema(4000).min(1, 'say what came out of the visit'),
  needs: needsText,
  feedback: needsText,
  feedbackTag: feedbackTagSchema.nullable().default(null),
  nextSteps: reportText,
  satisfaction: satisfactionSchema.nullable().default(null),
  firstMeeting: z.boolean(),
  reportedAt: instantSchema,
});
export type VisitReportInput = z.output<typeof visitReportInputSchema>;

/** A manager's or admin's review of a report. */
export const visitReviewInputSchema = z.object({
  id: idSchema,
  comment: textSchema(2000).min(1, 'write a comment for the reporter'),
  reviewedAt: instantSchema,
});
export type VisitReviewInput = z.infer<typeof visitReviewInputSchema>;

import { z } from 'zod';
import { idSchema, instantSchema } from './common';
import { satisfactionSchema } from './follow-up';

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

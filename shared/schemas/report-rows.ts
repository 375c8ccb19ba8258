import { z } from 'zod';
import { idSchema, instantSchema } from './common';
import { customerClassSchema, pyramidStageSchema, valueTierSchema } from './customer';
import { followUpSourceSchema, satisfactionSchema } from './follow-up';
import { reportQuerySchema, resolvedPeriodSchema, customerDimensionSchema, NONE, REPORT_DATE_RANGE } from './reports';
import { feedbackTagSchema, serviceTypeSchema } from './service-item';

/**
 * The rows behind a dashboard figure (issue 9, `reports.rows`): which figure, the filter that
 * narrows it to one bar or cell, and the rows with their customer, owner and counted record.
 * The reports themselves and the period/scope every call takes: reports.ts.
 */
const count = z.number().int().nonnegative();
export const DRILL_FIGURES = [
  'customers.current',
  /** Customers at the period's start with a value (the "previous" bars). */
  'customers.previous',
  'customers.moved',
  'cadence.overdue',
  'cadence.compliant',
  'followUps.created',
  'followUps.done',
  'followUps.overdue',
  'visits.planned',
  'visits.held',
  'visits.reported',
  'visits.unreviewed',
  'service.opened',
  'service.inTime',
  'service.late',
  'service.pastDeadline',
  'service.rated',
  'service.feedback',
  'growth.newCustomers',
  'growth.topRevenue',
] as const;
export const drillFigureSchema = z.enum(DRILL_FIGURES);
export type DrillFigure = z.infer<typeof drillFigureSchema>;

/** Narrows a figure to one bar or cell (e.g. class A, one rep, urgent items, rating 4). */
export const drillFilterSchema = z.object({
  /**
   * One rep's bar or row: the customer's owner, or for follow-ups, visits and service items the
   * record's owner (docs/reports.md). null = no owner: the "unassigned" row of customers nobody owns.
   */
  ownerUserId: idSchema.nullable().optional(),
  /** followUps.*: one source (a bar of "follow-ups by source"). */
  source: followUpSourceSchema.optional(),
  customerClass: z.enum([...customerClassSchema.options, NONE]).optional(),
  valueTier: z.enum([...valueTierSchema.options, NONE]).optional(),
  pyramidStage: z.enum([...pyramidStageSchema.options, NONE]).optional(),
  /** customers.moved: which dimension moved. */
  dimension: customerDimensionSchema.optional(),
  serviceType: serviceTypeSchema.optional(),
  urgent: z.boolean().optional(),
  rating: satisfactionSchema.optional(),
  feedbackTag: feedbackTagSchema.optional(),
  /**
   * growth.newCustomers: one local month `YYYY-MM` (one bar), clipped to the period. Years
   * 1970-2999, as report periods (REPORT_DATE_RANGE).
   */
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'must be a month such as 2026-11', abort: true })
    .refine((month) => month >= REPORT_DATE_RANGE.from.slice(0, 7) && month <= REPORT_DATE_RANGE.to.slice(0, 7), `must be a month from ${REPORT_DATE_RANGE.from.slice(0, 7)} to ${REPORT_DATE_RANGE.to.slice(0, 7)}`)
    .optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be a 3-letter currency code such as CNY').optional(),
});
export type DrillFilter = z.infer<typeof drillFilterSchema>;

export const MAX_DRILL_ROWS = 10_000;
export const drillInputSchema = reportQuerySchema.extend({
  figure: drillFigureSchema,
  filter: drillFilterSchema.default({}),
  limit: z.number().int().min(1).max(MAX_DRILL_ROWS).default(1000),
  offset: z.number().int().min(0).max(1_000_000).default(0),
});
export type DrillInput = z.input<typeof drillInputSchema>;

/**
 * One row behind a figure: the customer and, when the figure counts records, the record. Plain
 * text only (render with textContent); never a sensitive field (bank, tax number, intel).
 */
export const drillRowSchema = z.object({
  customerId: idSchema,
  customerName: z.string(),
  customerCode: z.string().nullable(),
  customerClass: customerClassSchema.nullable(),
  ownerUserId: idSchema.nullable(),
  ownerName: z.string().nullable(),
  /** The follow-up, service item or visit counted; null when the figure counts customers. */
  itemId: idSchema.nullable(),
  /** The instant the figure counts (created, done, received, planned, last touch...; docs/reports.md). */
  at: instantSchema.nullable(),
  /** A follow-up's due time or a service item's first-reply deadline. */
  dueAt: instantSchema.nullable(),
  /** Follow-up status, service stage or visit status. */
  state: z.string().nullable(),
  /** Follow-up purpose, service type or visit review state. */
  kind: z.string().nullable(),
  /** Follow-up reason, service summary or visit purpose. */
  summary: z.string().nullable(),
  rating: satisfactionSchema.nullable(),
  feedbackTag: feedbackTagSchema.nullable(),
  amount: z.number().nullable(),
  currency: z.string().nullable(),
  /** Reply time (service) or time since the last touch (cadence, dormant), in ms. */
  durationMs: z.number().nullable(),
  /** customers.moved: the change. */
  change: z.object({ dimension: customerDimensionSchema, from: z.string(), to: z.string() }).nullable(),
});
export type DrillRow = z.infer<typeof drillRowSchema>;

export const drillOutputSchema = z.object({
  period: resolvedPeriodSchema,
  figure: drillFigureSchema,
  rows: z.array(drillRowSchema),
  /** All rows behind the figure; more than rows.length when paged by limit/offset (0 on a page past the end). */
  total: count,
});
export type DrillOutput = z.infer<typeof drillOutputSchema>;

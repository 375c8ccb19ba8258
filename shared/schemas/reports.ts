import { z } from 'zod';
import { idSchema, instantSchema } from './common';
import { customerClassSchema, pyramidStageSchema, valueTierSchema } from './customer';
import { followUpSourceSchema, satisfactionSchema } from './follow-up';
import { timeZoneSchema } from './org-settings';
import { feedbackTagSchema, serviceTypeSchema } from './service-item';

/**
 * The managers' dashboard (issue 9, DOMAIN.md "Reports"): what every report procedure takes and
 * answers. Exact definitions of every figure: docs/reports.md. Instants are UTC; a period is
 * half-open [from, to) with its day boundaries in the caller's (or the organisation's) zone.
 * The rows behind a figure (`reports.rows`): report-rows.ts.
 */

export const REPORT_SCOPES = ['me', 'department', 'organisation'] as const;
export const reportScopeSchema = z.enum(REPORT_SCOPES);
export type ReportScope = z.infer<typeof reportScopeSchema>;

export const PERIOD_KINDS = ['this-week', 'this-month', 'last-month', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A custom range spans at most this many days (a year and a day; longer is a spreadsheet's job). */
export const MAX_CUSTOM_DAYS = 366;

/**
 * Reports count what was recorded: nothing predates 1970, and no CRM plans past 2999. The upper
 * bound also keeps every period's end an instant PostgreSQL reads: a range ending 9999-12-31 in
 * UTC ends at +010000-01-01, which toISOString writes with a sign PostgreSQL refuses.
 */
export const REPORT_DATE_RANGE = { from: '1970-01-01', to: '2999-12-31' } as const;
const localDateSchema = z.iso
  .date(`must be a date such as 2026-11-30`)
  .refine((date) => date >= REPORT_DATE_RANGE.from && date <= REPORT_DATE_RANGE.to, `must be a date from ${REPORT_DATE_RANGE.from} to ${REPORT_DATE_RANGE.to}`);
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/**
 * this-week: Monday to Sunday; this-month / last-month: calendar months; custom: `from` to `to`,
 * both local dates and BOTH INCLUDED (what a date picker shows), i.e. [from 00:00, to+1 00:00).
 */
export const reportPeriodSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('this-week') }),
  z.object({ kind: z.literal('this-month') }),
  z.object({ kind: z.literal('last-month') }),
  z
    .object({ kind: z.literal('custom'), from: localDateSchema, to: localDateSchema })
    .refine((p) => p.from <= p.to, { message: 'the period must not end before it starts', path: ['to'] })
    // Written as "not longer" so a malformed date (NaN days) gets its own message only.
    .refine((p) => !(dayNumber(p.to) - dayNumber(p.from) + 1 > MAX_CUSTOM_DAYS), {
      message: `a custom period spans at most ${MAX_CUSTOM_DAYS} days`,
      path: ['to'],
    }),
]);
export type ReportPeriod = z.infer<typeof reportPeriodSchema>;

/** What every report procedure takes. */
export const reportQuerySchema = z.object({
  period: reportPeriodSchema,
  scope: reportScopeSchema,
  /** The viewer's zone for day boundaries; the organisation's (settings.timeZone) when left out. */
  timeZone: timeZoneSchema.optional(),
  /** Admins only, with scope 'department': which one (a manager's is always their own). */
  departmentId: idSchema.optional(),
});
export type ReportQuery = z.infer<typeof reportQuerySchema>;

/** The period as the server resolved it. `asOf` = min(to, now): state figures are taken then. */
export const resolvedPeriodSchema = z.object({
  from: instantSchema,
  to: instantSchema,
  asOf: instantSchema,
  /** The period before, of the same kind and length (a month before a month); movement compares its end with asOf. */
  previousFrom: instantSchema,
  timeZone: z.string(),
  scope: reportScopeSchema,
  departmentId: idSchema.nullable(),
});
export type ResolvedPeriod = z.infer<typeof resolvedPeriodSchema>;

/** A share in [0, 1], or null when there is nothing to divide by (show "–", not 0%). */
const shareSchema = z.number().min(0).max(1).nullable();
const count = z.number().int().nonnegative();

// ---- customers: class, tier, pyramid stage, and movement -----------------------------------

export const CUSTOMER_DIMENSIONS = ['class', 'tier', 'stage'] as const;
export const customerDimensionSchema = z.enum(CUSTOMER_DIMENSIONS);
export type CustomerDimension = z.infer<typeof customerDimensionSchema>;
/** 'none' = not classified yet. */
export const NONE = 'none' as const;

export const distributionEntrySchema = z.object({
  /** A class (A/B/C), tier or stage, or 'none'. */
  value: z.string(),
  /** Customers with this value at asOf. */
  count,
  /** Customers with this value at the end of the previous period (= the start of this one). */
  previous: count,
});
export const moveSchema = z.object({ from: z.string(), to: z.string(), count });
export const dimensionReportSchema = z.object({
  dimension: customerDimensionSchema,
  entries: z.array(distributionEntrySchema),
  /** Customers present at both instants whose value changed, from → to. */
  moves: z.array(moveSchema),
  upgraded: count,
  downgraded: count,
});
export const customersReportSchema = z.object({
  period: resolvedPeriodSchema,
  total: count,
  previousTotal: count,
  dimensions: z.array(dimensionReportSchema),
});
export type CustomersReport = z.infer<typeof customersReportSchema>;

// ---- cadence compliance --------------------------------------------------------------------

export const complianceSchema = z.object({ customers: count, compliant: count, share: shareSchema });
export const cadenceReportSchema = z.object({
  period: resolvedPeriodSchema,
  overall: complianceSchema,
  /**
   * Dormant customers (DOMAIN.md "Dormant / churn risk"): the classified customers outside their
   * touch cadence at asOf, i.e. overall.customers − overall.compliant, per class. Same rule, same
   * query: the dormant list is the overdue list ('cadence.overdue').
   */
  dormant: z.object({ count, byClass: z.record(customerClassSchema, count) }),
  byClass: z.array(complianceSchema.extend({ customerClass: customerClassSchema, touchDays: z.number().int() })),
  byRep: z.array(complianceSchema.extend({ userId: idSchema.nullable(), name: z.string().nullable() })),
});
export type CadenceReport = z.infer<typeof cadenceReportSchema>;

// ---- follow-ups, visit plans, visit reports ------------------------------------------------

export const activityReportSchema = z.object({
  period: resolvedPeriodSchema,
  followUps: z.object({
    created: count,
    createdBySource: z.record(followUpSourceSchema, count),
    done: count,
    skipped: count,
    /** Open at asOf with the due time before asOf. */
    overdue: count,
  }),
  /** Planned for the period; due: planned before asOf; held: due and held; completion = held / due. */
  visits: z.object({ planned: count, due: count, held: count, cancelled: count, stillPlanned: count, completion: shareSchema }),
  visitReports: z.object({ reported: count, reviewed: count, share: shareSchema }),
});
export type ActivityReport = z.infer<typeof activityReportSchema>;

// ---- service -------------------------------------------------------------------------------

export const firstReplySchema = z.object({
  /** The organisation's allowance (24 h, or 2 h when urgent, by default). */
  hours: z.number(),
  /** Items whose clock is decided by asOf: replied, or unreplied past the deadline. */
  decided: count,
  inTime: count,
  late: count,
  share: shareSchema,
  /** Median time from received to first reply over the replied items, in ms; null without any. */
  medianMs: z.number().nonnegative().nullable(),
});
export const serviceReportSchema = z.object({
  period: resolvedPeriodSchema,
  opened: z.object({ requests: count, complaints: count, urgent: count }),
  firstReply: z.object({ normal: firstReplySchema, urgent: firstReplySchema }),
  /** Open at asOf, no first reply, deadline passed. */
  pastDeadline: count,
  satisfaction: z.object({
    count,
    average: z.number().min(1).max(5).nullable(),
    /** Ratings 1..5 at index 0..4. */
    distribution: z.array(count).length(5),
  }),
  feedback: z.record(feedbackTagSchema, count),
});
export type ServiceReport = z.infer<typeof serviceReportSchema>;

// ---- growth: new customers, revenue concentration (dormant customers: cadenceReportSchema) ---------------------------------

export const growthReportSchema = z.object({
  period: resolvedPeriodSchema,
  newCustomers: z.object({
    /** The organisation's target per rep per month (settings.reports.newCustomersPerMonth, 3 by default). */
    target: z.number().int().nonnegative(),
    /** Local months overlapping the period, `YYYY-MM`. */
    months: z.array(z.string()),
    reps: z.array(
      z.object({
        userId: idSchema.nullable(),
        name: z.string().nullable(),
        /** New customers in each month of `months` (same order). */
        perMonth: z.array(count),
        total: count,
        /** Months of `months` in which the rep reached the target. */
        monthsOnTarget: count,
      }),
    ),
    total: count,
  }),
  /** Per currency (amounts in different currencies are never added). */
  revenue: z.array(
    z.object({
      currency: z.string(),
      /** Customers with a cumulative amount above 0. */
      customers: count,
      /** ceil(20% of customers). */
      topCount: count,
      topAmount: z.number(),
      totalAmount: z.number(),
      share: shareSchema,
    }),
  ),
});
export type GrowthReport = z.infer<typeof growthReportSchema>;

/**
 * The procedures (`reports.<name>`) the dashboard calls on open, each with reportQuerySchema.
 * Support leads get only `service` (scope 'organisation' or 'me'); docs/reports.md has the matrix.
 */
export const REPORT_NAMES = ['customers', 'cadence', 'activity', 'service', 'growth'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

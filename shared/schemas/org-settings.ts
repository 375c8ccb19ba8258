import { z } from 'zod';
import { customerClassSchema } from './customer';
import { idSchema, instantSchema, textSchema } from './common';

/**
 * The organisation's rules (DOMAIN.md: "Every number below is a default an organisation admin can
 * change"). One row per organisation, replicated so the sidebar computes clocks and boards with
 * the same numbers the server's jobs use. A missing row means DEFAULT_ORG_SETTINGS.
 */

/** An IANA zone such as Asia/Shanghai; the platform's own time-zone data decides what exists. */
export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'must be a time zone such as Asia/Shanghai');

const days = (max: number) => z.number().int().min(1, 'at least 1 day').max(max);

export const cadenceSchema = z.object({ touchDays: days(366), visitDays: days(3660) });

export const holidayKindSchema = z.enum(['spring_festival', 'mid_autumn', 'dragon_boat', 'new_year']);
export type HolidayKind = z.infer<typeof holidayKindSchema>;

/** An organisation's own date (founding day, a trade fair), on the solar or the lunar calendar. */
export const orgDateSchema = z.object({
  id: z.string().min(1).max(40),
  name: textSchema(100).min(1, 'name the date'),
  calendar: z.enum(['gregorian', 'lunar']),
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
});
export type OrgDate = z.infer<typeof orgDateSchema>;

export const orgSettingsFieldsSchema = z.object({
  /** Day boundaries of the server's rules (cadence days, birthdays, "next day") are in this zone. */
  timeZone: timeZoneSchema,
  cadences: z.object({ A: cadenceSchema, B: cadenceSchema, C: cadenceSchema }),
  sla: z.object({
    firstReplyHours: z.number().min(0.25).max(720),
    urgentFirstReplyHours: z.number().min(0.25).max(720),
  }),
  complaints: z.object({
    /** Days after resolution of each automatic return visit (1 or 2 of them). */
    returnVisitDays: z.array(days(365)).min(1).max(2),
  }),
  visits: z.object({ thankYouDays: z.number().int().min(0).max(30), proposalDays: days(60) }),
  care: z.object({
    /** Contacts of customers in these classes get birthday and holiday reminders. */
    classes: z.array(customerClassSchema).max(3),
    birthdays: z.boolean(),
    holidays: z.array(holidayKindSchema).max(4),
    orgDates: z.array(orgDateSchema).max(50),
    /** The reminder is due this many days before the occasion. */
    leadDays: z.number().int().min(0).max(30),
  }),
  /** Local hour (in timeZone) at which date-only reminders fall due, e.g. 9 for 09:00. */
  reminderHour: z.number().int().min(0).max(23),
  // Issue 9: the managers' dashboard.
  reports: z.object({
    /** New customers each rep should win per month (DOMAIN.md "Reports": 3). */
    newCustomersPerMonth: z.number().int().min(0).max(1000),
  }),
});
export type OrgSettingsFields = z.infer<typeof orgSettingsFieldsSchema>;

export const orgSettingsSchema = orgSettingsFieldsSchema.extend({
  /** The organisation's id: one row each. */
  id: idSchema,
  updatedAt: instantSchema,
  version: z.number().int().nonnegative(),
});
export type OrgSettings = z.infer<typeof orgSettingsSchema>;

export const DEFAULT_ORG_SETTINGS: OrgSettingsFields = {
  timeZone: 'Asia/Shanghai',
  cadences: { A: { touchDays: 7, visitDays: 60 }, B: { touchDays: 7, visitDays: 90 }, C: { touchDays: 14, visitDays: 120 } },
  sla: { firstReplyHours: 24, urgentFirstReplyHours: 2 },
  complaints: { returnVisitDays: [3, 14] },
  visits: { thankYouDays: 1, proposalDays: 3 },
  care: { classes: ['A', 'B'], birthdays: true, holidays: ['spring_festival', 'mid_autumn', 'dragon_boat', 'new_year'], orgDates: [], leadDays: 3 },
  reminderHour: 9,
  reports: { newCustomersPerMonth: 3 },
};

/** An admin changes whole groups; last writer wins per group. */
export const orgSettingsPatchSchema = orgSettingsFieldsSchema
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'patch must change at least one setting');
export type OrgSettingsPatch = z.infer<typeof orgSettingsPatchSchema>;

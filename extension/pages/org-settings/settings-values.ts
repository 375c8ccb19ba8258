import type { OrgDate, OrgSettingsFields, OrgSettingsPatch } from '../../../shared/schemas/org-settings';

/**
 * The organisation-rules editor keeps what the admin types as text, exactly as typed, and turns
 * it into settings only on save; the shared schema then says what is wrong with each field.
 */
export type DateRow = { id: string; name: string; calendar: OrgDate['calendar']; month: string; day: string };
export type SettingsForm = {
  timeZone: string;
  reminderHour: string;
  cadences: Record<'A' | 'B' | 'C', { touchDays: string; visitDays: string }>;
  firstReplyHours: string;
  urgentFirstReplyHours: string;
  returnVisitDays: string;
  thankYouDays: string;
  proposalDays: string;
  careClasses: ('A' | 'B' | 'C')[];
  birthdays: boolean;
  holidays: OrgSettingsFields['care']['holidays'];
  leadDays: string;
  orgDates: DateRow[];
  // Issue 9
  newCustomersPerMonth: string;
};

const text = (n: number) => String(n);
/** Empty stays undefined (zod: "required"); anything else as the number it reads as (NaN refused). */
const num = (value: string) => (value.trim() === '' ? undefined : Number(value.trim()));

export function toForm(s: OrgSettingsFields): SettingsForm {
  const cadence = (c: 'A' | 'B' | 'C') => ({ touchDays: text(s.cadences[c].touchDays), visitDays: text(s.cadences[c].visitDays) });
  return {
    timeZone: s.timeZone,
    reminderHour: text(s.reminderHour),
    cadences: { A: cadence('A'), B: cadence('B'), C: cadence('C') },
    firstReplyHours: text(s.sla.firstReplyHours),
    urgentFirstReplyHours: text(s.sla.urgentFirstReplyHours),
    returnVisitDays: s.complaints.returnVisitDays.join(', '),
    thankYouDays: text(s.visits.thankYouDays),
    proposalDays: text(s.visits.proposalDays),
    careClasses: [...s.care.classes],
    birthdays: s.care.birthdays,
    holidays: [...s.care.holidays],
    leadDays: text(s.care.leadDays),
    orgDates: s.care.orgDates.map((d) => ({ ...d, month: text(d.month), day: text(d.day) })),
    newCustomersPerMonth: text(s.reports.newCustomersPerMonth),
  };
}

/** The settings the form says (unchecked: the schema checks them). */
export function fromForm(f: SettingsForm): Record<keyof OrgSettingsFields, unknown> {
  const cadence = (c: 'A' | 'B' | 'C') => ({ touchDays: num(f.cadences[c].touchDays), visitDays: num(f.cadences[c].visitDays) });
  return {
    timeZone: f.timeZone,
    reminderHour: num(f.reminderHour),
    cadences: { A: cadence('A'), B: cadence('B'), C: cadence('C') },
    sla: { firstReplyHours: num(f.firstReplyHours), urgentFirstReplyHours: num(f.urgentFirstReplyHours) },
    complaints: { returnVisitDays: f.returnVisitDays.split(/[\s,，、;；]+/).filter(Boolean).map(Number) },
    visits: { thankYouDays: num(f.thankYouDays), proposalDays: num(f.proposalDays) },
    care: {
      classes: f.careClasses,
      birthdays: f.birthdays,
      holidays: f.holidays,
      orgDates: f.orgDates.map((d) => ({ ...d, month: num(d.month), day: num(d.day) })),
      leadDays: num(f.leadDays),
    },
    reports: { newCustomersPerMonth: num(f.newCustomersPerMonth) },
  };
}

/** Only the groups that differ from what was loaded: another admin's change to another group survives (last writer wins per group). */
export function changedGroups(before: OrgSettingsFields, after: OrgSettingsFields): OrgSettingsPatch | null {
  const patch = Object.fromEntries(
    (Object.keys(after) as (keyof OrgSettingsFields)[])
      .filter((key) => JSON.stringify(after[key]) !== JSON.stringify(before[key]))
      .map((key) => [key, after[key]]),
  );
  return Object.keys(patch).length > 0 ? (patch as OrgSettingsPatch) : null;
}

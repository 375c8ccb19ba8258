import type { CustomerClass } from '../schemas/customer';
import type { OrgSettingsFields } from '../schemas/org-settings';
import { addDays, daysBetween, instantAt, localDateOf, type LocalDate } from './zoned-time';

/**
 * The cadence engine's rule (DOMAIN.md "Classification and value", seeds FUP-02): a customer of
 * class A/B/C must be touched every `touchDays` and visited every `visitDays` (organisation
 * settings). Days are calendar days in the organisation's zone: touched on Monday with a 7-day
 * cadence, the next touch is due the following Monday, and that day the follow-up appears.
 */
export type CadenceKind = 'touch' | 'visit';
export const CADENCE_PURPOSE = { touch: 'cadence_touch', visit: 'cadence_visit' } as const;

export type CadenceFacts = {
  customerId: string;
  customerClass: CustomerClass;
  /** A customer never touched counts from its creation, so a new customer is not due on day one. */
  createdAt: string;
  /** Newest email, call, meeting or visit (cadence.ts TOUCH_KINDS) that has happened (hasHappened), or null. */
  lastTouchAt: string | null;
  /** Newest meeting or visit that has happened (a calendar meeting with the customer counts as a visit: seeds FUP-02). */
  lastVisitAt: string | null;
  /**
   * When the newest cadence follow-up of each kind was ended (done, skipped or closed by a touch):
   * the next period starts then, so a follow-up marked done without a logged touch comes back
   * one period later instead of never.
   */
  lastEndedAt: Record<CadenceKind, string | null>;
};

export type CadenceDue = { kind: CadenceKind; anchor: LocalDate; dueDate: LocalDate; dueAt: Date; dedupeKey: string };

const latest = (...instants: (string | null)[]) =>
  instants.reduce<string | null>((a, b) => (b !== null && (a === null || Date.parse(b) > Date.parse(a)) ? b : a), null);

/** The local date the current cadence period of `kind` runs from. */
export function cadenceAnchor(facts: CadenceFacts, kind: CadenceKind, timeZone: string): LocalDate {
  const last = kind === 'touch' ? facts.lastTouchAt : facts.lastVisitAt;
  return localDateOf(latest(last ?? facts.createdAt, facts.lastEndedAt[kind])!, timeZone);
}

/**
 * One key per customer, kind and period: the job may run twice or in two processes at once and
 * the customer still gets one follow-up, and a new one only once the period starts again.
 */
export function cadenceDedupeKey(customerId: string, kind: CadenceKind, anchor: LocalDate): string {
  return `cadence:${kind}:${customerId}:${anchor}`;
}

/** The follow-up due for `kind` today, or null while the customer is within its cadence. */
export function cadenceDue(
  facts: CadenceFacts,
  kind: CadenceKind,
  today: LocalDate,
  settings: Pick<OrgSettingsFields, 'cadences' | 'timeZone' | 'reminderHour'>,
): CadenceDue | null {
  const cadence = settings.cadences[facts.customerClass];
  const anchor = cadenceAnchor(facts, kind, settings.timeZone);
  const dueDate = addDays(anchor, kind === 'touch' ? cadence.touchDays : cadence.visitDays);
  if (daysBetween(dueDate, today) < 0) return null;
  return {
    kind,
    anchor,
    dueDate,
    dueAt: instantAt(dueDate, settings.timeZone, settings.reminderHour),
    dedupeKey: cadenceDedupeKey(facts.customerId, kind, anchor),
  };
}

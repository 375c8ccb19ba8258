import type { OrgSettingsFields } from '../schemas/org-settings';

/**
 * The first-reply clock of a service request or complaint (DOMAIN.md "Service": a first reply
 * within 24 hours, 2 hours when urgent; the organisation sets both). The deadline counts elapsed
 * hours, not calendar days or working hours: "24 hours" on the night the clocks change is still
 * 24 real hours, and the same instant written with any offset gives the same deadline. Instants
 * are compared as instants; only display turns them into a zone's wall-clock time.
 */
export type SlaHours = OrgSettingsFields['sla'];

const HOUR_MS = 3_600_000;

/** How long the organisation allows for the first reply. */
export function firstReplyHours(urgent: boolean, sla: SlaHours): number {
  return urgent ? sla.urgentFirstReplyHours : sla.firstReplyHours;
}

/** SLA due time: received + the organisation's first-reply hours (urgent or not), as a UTC instant. */
export function firstReplyDueAt(receivedAt: string, urgent: boolean, sla: SlaHours): string {
  const received = Date.parse(receivedAt);
  if (Number.isNaN(received)) throw new RangeError(`not an instant: ${receivedAt}`);
  return new Date(received + Math.round(firstReplyHours(urgent, sla) * HOUR_MS)).toISOString();
}

/**
 * Where the clock stands at `now`: running (msLeft > 0 or exactly at the deadline), overdue
 * (msLeft < 0, shown in red), or stopped by the first reply, on time or late.
 */
export type ServiceClock =
  | { state: 'running'; dueAt: string; msLeft: number }
  | { state: 'overdue'; dueAt: string; msLeft: number }
  | { state: 'replied'; dueAt: string; repliedAt: string; late: boolean; msLate: number };

export function serviceClock(
  item: { firstReplyDueAt: string; firstReplyAt: string | null },
  now: Date,
): ServiceClock {
  const due = Date.parse(item.firstReplyDueAt);
  if (item.firstReplyAt !== null) {
    const msLate = Math.max(0, Date.parse(item.firstReplyAt) - due);
    return { state: 'replied', dueAt: item.firstReplyDueAt, repliedAt: item.firstReplyAt, late: msLate > 0, msLate };
  }
  const msLeft = due - now.getTime();
  return msLeft < 0 ? { state: 'overdue', dueAt: item.firstReplyDueAt, msLeft } : { state: 'running', dueAt: item.firstReplyDueAt, msLeft };
}

/** Whole days, hours, minutes and seconds of a duration (its absolute value), for "3 h 12 min left". */
export function durationParts(ms: number): { days: number; hours: number; minutes: number; seconds: number } {
  const total = Math.floor(Math.abs(ms) / 1000);
  return {
    days: Math.floor(total / 86_400),
    hours: Math.floor((total % 86_400) / 3600),
    minutes: Math.floor((total % 3600) / 60),
    seconds: total % 60,
  };
}

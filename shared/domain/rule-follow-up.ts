import type { FollowUp, FollowUpPurpose, FollowUpSource } from '../schemas/follow-up';
import type { OrgSettingsFields } from '../schemas/org-settings';
import { nameBasedId } from './derived-id';
import { addDays, instantAt, localDateOf } from './zoned-time';

/**
 * Follow-ups that the service and visit rules make (a promised reply, return visits after a
 * complaint, a visit's thank-you and proposal). The sidebar writes them optimistically and the
 * server writes them again when it applies the change: the id and the dedupe key are derived
 * from the rule and its record, so both name the same row and a replay makes no second one.
 */
export type NewFollowUp = Omit<FollowUp, 'createdAt' | 'updatedAt' | 'version'>;
export type RuleFollowUp = { row: NewFollowUp; dedupeKey: string };

const NAMESPACE = '4b3c8a70-2f1e-5d6c-9b8a-7e6f5d4c3b2a';

/** The record a rule-made row belongs to; `n` numbers rows of one rule (return visit 1, 2). */
export function ruleRecordId(purpose: string, sourceId: string, n = 0): Promise<string> {
  return nameBasedId(NAMESPACE, [purpose, sourceId, String(n)]);
}

export async function ruleFollowUp(input: {
  purpose: FollowUpPurpose;
  source: FollowUpSource;
  sourceId: string;
  n?: number;
  customerId: string;
  contactId: string | null;
  ownerUserId: string;
  dueAt: string;
}): Promise<RuleFollowUp> {
  const n = input.n ?? 0;
  return {
    dedupeKey: `${input.purpose}:${input.sourceId}:${n}`,
    row: {
      id: await ruleRecordId(input.purpose, input.sourceId, n),
      customerId: input.customerId,
      contactId: input.contactId,
      ownerUserId: input.ownerUserId,
      dueAt: input.dueAt,
      reason: '',
      purpose: input.purpose,
      source: input.source,
      status: 'open',
      replyWatch: null,
      sourceId: input.sourceId,
      occasion: null,
      completedAt: null,
      completedByUserId: null,
      outcome: null,
      closedBy: null,
      satisfaction: null,
      createdByUserId: null,
    },
  };
}

/**
 * "N days after <instant>" for a reminder: the organisation's reminder hour on the calendar day
 * N days after the instant's day in the organisation's zone (never day arithmetic on UTC), and
 * never earlier than the instant itself (N = 0 with a reminder hour already past).
 */
export function reminderDaysAfter(instant: string, days: number, settings: Pick<OrgSettingsFields, 'timeZone' | 'reminderHour'>): string {
  const day = addDays(localDateOf(instant, settings.timeZone), days);
  const due = instantAt(day, settings.timeZone, settings.reminderHour);
  return new Date(Math.max(due.getTime(), Date.parse(instant))).toISOString();
}

/** A rule-made follow-up asked for again (a new promise): open once more, due at the new time. */
export function reopenedAt(dueAt: string): Partial<NewFollowUp> {
  return { dueAt, status: 'open', completedAt: null, completedByUserId: null, outcome: null, closedBy: null, satisfaction: null };
}

/** Done by what the user did elsewhere (e.g. the resolution answered the promise). */
export function doneBy(userId: string, at: string): Partial<NewFollowUp> {
  return { status: 'done', completedAt: at, completedByUserId: userId, closedBy: 'user' };
}

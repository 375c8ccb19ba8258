import type { FollowUp } from '../../shared/schemas/follow-up';

/** Alarm names of reminders: the prefix and the follow-up's id. */
export const REMINDER_ALARM = 'inbox-crm-reminder:';

/**
 * Which reminder alarms to clear and which to create so that exactly the upcoming follow-ups
 * have one, at their due time. An alarm already at the right time is left alone (re-creating it
 * would be harmless, but a replica change would then touch every alarm).
 */
export function planReminderAlarms(
  existing: readonly { name: string; scheduledTime: number }[],
  upcoming: readonly Pick<FollowUp, 'id' | 'dueAt'>[],
): { clear: string[]; create: { name: string; when: number }[] } {
  const wanted = new Map(upcoming.map((f) => [`${REMINDER_ALARM}${f.id}`, Date.parse(f.dueAt)]));
  const clear: string[] = [];
  for (const alarm of existing) {
    if (!alarm.name.startsWith(REMINDER_ALARM)) continue;
    if (wanted.get(alarm.name) === alarm.scheduledTime) wanted.delete(alarm.name);
    else clear.push(alarm.name);
  }
  return { clear, create: [...wanted].map(([name, when]) => ({ name, when })) };
}

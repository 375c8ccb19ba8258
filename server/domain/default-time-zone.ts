import { DEFAULT_ORG_SETTINGS, timeZoneSchema } from '../../shared/schemas/org-settings';

/**
 * The time zone a new organisation starts with (its day boundaries for cadences, birthdays and
 * "next day" rules; an admin changes it on the options page): CRM_TIME_ZONE when set, else the
 * machine's own zone, else Asia/Shanghai. A CRM_TIME_ZONE that is not a zone stops the start
 * with a message instead of silently using another.
 */
export function defaultTimeZone(configured: string | undefined, machineZone = Intl.DateTimeFormat().resolvedOptions().timeZone): string {
  if (configured) {
    const parsed = timeZoneSchema.safeParse(configured.trim());
    if (!parsed.success) throw new Error(`CRM_TIME_ZONE=${configured} is not a time zone (for example Asia/Shanghai or Europe/Berlin)`);
    return parsed.data;
  }
  return timeZoneSchema.safeParse(machineZone).success ? machineZone : DEFAULT_ORG_SETTINGS.timeZone;
}

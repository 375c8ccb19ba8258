import { language } from '../../i18n';

/**
 * Due times are stored in UTC and shown, typed and bucketed in the user's own zone (issue 4:
 * "time zones explicit everywhere"). The zone is the browser's, named beside every time input.
 */
export function userTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as the value of <input type="datetime-local"> in the browser's zone. */
export function toLocalInput(instant: Date): string {
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}T${pad(instant.getHours())}:${pad(instant.getMinutes())}`;
}

/** The instant a datetime-local value means in the browser's zone, as UTC ISO; null when empty or invalid. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}

/** `days` from now at 09:00 local time: the usual "follow up in N days". */
export function inDaysAtNine(days: number, now = new Date()): Date {
  const at = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days, 9, 0);
  return at;
}

/** A due time with weekday, in the UI language and the user's zone. */
export function formatDue(iso: string): string {
  return new Date(iso).toLocaleString(language, {
    weekday: 'short',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
}

import type { CalendarSource, IngestedEvent, Page } from '../../provider';
import type { GraphGet } from './graph-client';
import { mapGraphEvent } from './map-graph-event';

const PREFER = ['odata.maxpagesize=100', 'IdType="ImmutableId"', 'outlook.timezone="UTC"'];
/** calendarView needs an end; meetings planned up to a year ahead land on the timeline. */
const AHEAD_MS = 365 * 24 * 3600 * 1000;

/**
 * Outlook calendars by calendarView delta (occurrences of series expanded by Graph), one channel
 * per calendar; `default` is the user's main calendar. Cancelled and @removed events leave.
 */
export function graphCalendarSource(get: GraphGet): CalendarSource {
  return {
    async listCalendars(signal) {
      const page = await get('/me/calendars?$select=id,name,isDefaultCalendar', [], signal);
      const value = Array.isArray(page.value) ? (page.value as { id?: string; name?: string; isDefaultCalendar?: boolean }[]) : [];
      return value.filter((c) => c.id).map((c) => ({ id: c.isDefaultCalendar ? 'default' : c.id!, name: c.name ?? c.id!, primary: Boolean(c.isDefaultCalendar) }));
    },
    async fetchPage({ resource, cursor, state, windowStart, signal, attempt }): Promise<Page<IngestedEvent>> {
      const base = resource === 'default' ? '/me/calendarView/delta' : `/me/calendars/${encodeURIComponent(resource)}/calendarView/delta`;
      const first = `${base}?startDateTime=${windowStart.toISOString()}&endDateTime=${new Date(Date.now() + AHEAD_MS).toISOString()}`;
      const page = await attempt(() => get(state ?? cursor ?? first, PREFER, signal));
      const items: IngestedEvent[] = [];
      const removed: string[] = [];
      for (const raw of Array.isArray(page.value) ? (page.value as Record<string, unknown>[]) : []) {
        if (typeof raw?.id !== 'string') continue;
        if ('@removed' in raw || raw.isCancelled === true) {
          removed.push(raw.id);
          continue;
        }
        const event = mapGraphEvent(raw);
        if (event) items.push(event);
      }
      const nextLink = typeof page['@odata.nextLink'] === 'string' ? page['@odata.nextLink'] : null;
      const deltaLink = typeof page['@odata.deltaLink'] === 'string' ? page['@odata.deltaLink'] : null;
      return { items, removed, next: nextLink ? { state: nextLink } : { cursor: deltaLink ?? cursor ?? first }, backlog: null };
    },
  };
}

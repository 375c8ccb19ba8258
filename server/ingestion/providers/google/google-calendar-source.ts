import { calendar } from '@googleapis/calendar';
import { z } from 'zod';
import type { GoogleConfig } from '../../ingestion-config';
import type { CalendarSource, IngestedEvent } from '../../provider';
import { googleCall, type GoogleAuthClient } from './google-auth';
import { mapGoogleEvent } from './map-google-event';

const pageState = z.object({ pageToken: z.string() });

export function googleCalendarSource(config: GoogleConfig, auth: GoogleAuthClient, timeoutMs: number): CalendarSource {
  const api = calendar({ version: 'v3', auth, rootUrl: `${config.calendarApiUrl}/`, retry: false, timeout: timeoutMs });

  // Calendar lists are small and cheap: no pacing, one request per page.
  const call = <T>(run: () => Promise<T>, cursorCall = false) => googleCall(auth, run, cursorCall);

  return {
    async listCalendars(signal) {
      const res = await call(() => api.calendarList.list({ maxResults: 250 }, { signal }));
      return (res.data.items ?? [])
        .filter((c) => c.id && !c.deleted)
        .map((c) => ({ id: c.id!, name: c.summaryOverride ?? c.summary ?? c.id!, primary: Boolean(c.primary) }));
    },
    async fetchPage({ resource, cursor, state, windowStart, signal, attempt }) {
      const pageToken = state ? pageState.parse(JSON.parse(state)).pageToken : undefined;
      // A full pass is unfiltered (provider-facts §2.1: a bounded list may not yield a usable
      // syncToken); the window is applied here. singleEvents expands recurring series into
      // occurrences, each its own meeting; the syncToken is resent with every page.
      const res = await attempt(() => call(
        () =>
          api.events.list(
            {
              calendarId: resource,
              singleEvents: true,
              maxResults: 250,
              pageToken,
              ...(cursor ? { syncToken: cursor } : { showDeleted: false }),
            },
            { signal },
          ),
        cursor !== null,
      ));
      const items: IngestedEvent[] = [];
      const removed: string[] = [];
      for (const raw of res.data.items ?? []) {
        if ((raw as { status?: string }).status === 'cancelled') {
          if (raw.id) removed.push(raw.id);
          continue;
        }
        try {
          const event = mapGoogleEvent(raw);
          if (event && Date.parse(event.end) >= windowStart.getTime()) items.push(event);
        } catch (error) {
          console.warn('[ingestion] skipped a calendar event without a usable id:', error);
        }
      }
      const next = res.data.nextPageToken
        ? { state: JSON.stringify({ pageToken: res.data.nextPageToken }) }
        : { cursor: res.data.nextSyncToken ?? cursor ?? '' };
      return { items, removed, next, backlog: null };
    },
  };
}

import { z } from 'zod';
import { htmlToText, stripQuotedHistory } from '../../mail-text/body-text';
import { cleanAddress } from '../../mail-text/headers';
import type { EventAttendee, IngestedEvent } from '../../provider';

const when = z.object({ date: z.string().optional(), dateTime: z.string().optional() }).partial().optional().catch(undefined);
const person = z.object({ email: z.string().optional(), displayName: z.string().optional() }).optional().catch(undefined);

export const googleEventSchema = z.object({
  id: z.string().min(1),
  status: z.string().optional().catch(undefined),
  iCalUID: z.string().optional().catch(undefined),
  recurringEventId: z.string().optional().catch(undefined),
  originalStartTime: when,
  summary: z.string().optional().catch(undefined),
  description: z.string().optional().catch(undefined),
  location: z.string().optional().catch(undefined),
  start: when,
  end: when,
  organizer: person,
  eventType: z.string().optional().catch(undefined),
  attendees: z
    .array(
      z.object({
        email: z.string().optional().catch(undefined),
        displayName: z.string().optional().catch(undefined),
        responseStatus: z.string().optional().catch(undefined),
        resource: z.boolean().optional().catch(undefined),
      }),
    )
    .optional()
    .catch(undefined),
});
export type GoogleEvent = z.infer<typeof googleEventSchema>;

/** `{date}` (all-day, local midnight taken as UTC) or `{dateTime}` → ISO instant. */
function instant(value: { date?: string | undefined; dateTime?: string | undefined } | undefined): string | null {
  const text = value?.dateTime ?? (value?.date ? `${value.date}T00:00:00Z` : undefined);
  const time = text ? Date.parse(text) : NaN;
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

const RESPONSES: Record<string, EventAttendee['response']> = {
  accepted: 'accepted',
  declined: 'declined',
  tentative: 'tentative',
};

/**
 * An events.list item → IngestedEvent, or null when it is not a meeting at all (out of office,
 * focus time, working location) or has no usable start. Cancelled items are handled by the caller.
 */
export function mapGoogleEvent(raw: unknown): IngestedEvent | null {
  const event = googleEventSchema.parse(raw);
  if (event.eventType && event.eventType !== 'default' && event.eventType !== 'fromGmail') return null;
  const start = instant(event.start);
  if (!start) return null;
  const description = event.description ?? '';
  const attendees: EventAttendee[] = [];
  for (const a of event.attendees ?? []) {
    const address = cleanAddress(a.email);
    if (address && !a.resource) attendees.push({ address, name: a.displayName ?? null, response: RESPONSES[a.responseStatus ?? ''] ?? 'none' });
  }
  const organizerAddress = cleanAddress(event.organizer?.email);
  return {
    providerId: event.id,
    icalUid: event.iCalUID ?? null,
    instanceKey: event.recurringEventId ? (instant(event.originalStartTime) ?? start) : null,
    subject: (event.summary ?? '').trim(),
    description: stripQuotedHistory(/<[a-z][^>]*>/i.test(description) ? htmlToText(description) : description),
    start,
    end: instant(event.end) ?? start,
    allDay: Boolean(event.start?.date && !event.start.dateTime),
    location: event.location?.trim() || null,
    organizer: organizerAddress ? { address: organizerAddress, name: event.organizer?.displayName ?? null } : null,
    attendees,
  };
}

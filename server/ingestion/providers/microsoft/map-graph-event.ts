import { z } from 'zod';
import { htmlToText, stripQuotedHistory } from '../../mail-text/body-text';
import { cleanAddress } from '../../mail-text/headers';
import type { EventAttendee, IngestedEvent } from '../../provider';

const when = z.object({ dateTime: z.string(), timeZone: z.string().nullish() }).nullish().catch(null);
const emailAddress = z.object({ name: z.string().nullish(), address: z.string().nullish() }).nullish();
const person = z.object({ emailAddress }).nullish().catch(null);

export const graphEventSchema = z.object({
  id: z.string().min(1),
  iCalUId: z.string().nullish().catch(null),
  type: z.string().nullish().catch(null),
  originalStart: z.string().nullish().catch(null),
  subject: z.string().nullish().catch(null),
  body: z.object({ contentType: z.string().nullish(), content: z.string().nullish() }).nullish().catch(null),
  start: when,
  end: when,
  isAllDay: z.boolean().nullish().catch(null),
  isCancelled: z.boolean().nullish().catch(null),
  organizer: person,
  attendees: z
    .array(
      z
        .object({ type: z.string().nullish(), status: z.object({ response: z.string().nullish() }).nullish(), emailAddress })
        .catch({ type: null, status: null, emailAddress: null }),
    )
    .nullish()
    .catch(null),
  location: z.object({ displayName: z.string().nullish() }).nullish().catch(null),
});

/** Graph's `{dateTime: '2016-12-09T20:30:00.0000000', timeZone: 'UTC'}` (we ask for UTC) → ISO instant. */
function instant(value: { dateTime: string; timeZone?: string | null | undefined } | null | undefined): string | null {
  if (!value) return null;
  const hasOffset = /(Z|[+-]\d\d:?\d\d)$/i.test(value.dateTime);
  const time = Date.parse(hasOffset ? value.dateTime : `${value.dateTime.replace(/(\.\d{3})\d+$/, '$1')}Z`);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

const RESPONSES: Record<string, EventAttendee['response']> = {
  accepted: 'accepted',
  organizer: 'accepted',
  declined: 'declined',
  tentativelyAccepted: 'tentative',
};

/** A calendarView delta item → IngestedEvent, or null when it has no usable start. */
export function mapGraphEvent(raw: unknown): IngestedEvent | null {
  const e = graphEventSchema.parse(raw);
  const start = instant(e.start);
  if (!start) return null;
  const content = e.body?.content ?? '';
  const attendees: EventAttendee[] = [];
  for (const a of e.attendees ?? []) {
    const address = cleanAddress(a.emailAddress?.address);
    if (address && a.type !== 'resource') attendees.push({ address, name: a.emailAddress?.name ?? null, response: RESPONSES[a.status?.response ?? ''] ?? 'none' });
  }
  const organizer = cleanAddress(e.organizer?.emailAddress?.address);
  const occurrence = e.type === 'occurrence' || e.type === 'exception';
  return {
    providerId: e.id,
    icalUid: e.iCalUId ?? null,
    instanceKey: occurrence ? (instant(e.originalStart ? { dateTime: e.originalStart } : null) ?? start) : null,
    subject: (e.subject ?? '').trim(),
    description: stripQuotedHistory((e.body?.contentType ?? 'html').toLowerCase() === 'html' ? htmlToText(content) : content),
    start,
    end: instant(e.end) ?? start,
    allDay: Boolean(e.isAllDay),
    location: e.location?.displayName?.trim() || null,
    organizer: organizer ? { address: organizer, name: e.organizer?.emailAddress?.name ?? null } : null,
    attendees,
  };
}

import { FakeCalendarBook, type StoredOccurrence } from './fake-calendar-book';
import { FakeGmailMailbox } from './fake-gmail-store';
import { bearerOf, opaque, type FakeRequest, type FakeResponse } from './fake-http';
import { FakeServer } from './fake-server';
import { FakeOAuth } from './fake-oauth';
import { answerBatch } from './gmail-batch';
import { FaultInjector } from './faults';
import type { FakeEventSpec, FakeMessageSpec } from './mail-spec';

// provider-facts.md §1.7: units per call.
const UNITS: Record<string, number> = { profile: 1, list: 5, get: 5, history: 2, calendarList: 1, events: 1 };

const googleError = (code: number, message: string, reason: string, status?: string) => ({
  error: { code, message, errors: [{ message, domain: 'global', reason }], ...(status ? { status } : {}) },
});

/**
 * Fake Google: OAuth (authorize + token), Gmail (profile, messages.list/get, history.list) and
 * Calendar (calendarList, events.list with syncToken), speaking the wire formats of
 * provider-facts.md §1-2 so @googleapis/gmail and @googleapis/calendar run unchanged against it.
 */
export class FakeGoogle extends FakeServer {
  readonly oauth: FakeOAuth;
  readonly faults = new FaultInjector();
  readonly mailboxes = new Map<string, FakeGmailMailbox>();
  readonly calendars = new Map<string, FakeCalendarBook>();
  /** API requests served per route (after faults), for tests. */
  readonly requests: string[] = [];

  constructor() {
    super();
    this.oauth = new FakeOAuth({
      defaultAccount: () => this.mailboxes.keys().next().value ?? null,
      rotateRefreshTokens: false,
      invalidGrant: () => ({ error: 'invalid_grant', error_description: 'Token has been expired or revoked.' }),
    });
  }

  mailbox(address: string): FakeGmailMailbox {
    let box = this.mailboxes.get(address);
    if (!box) {
      box = new FakeGmailMailbox(address);
      this.mailboxes.set(address, box);
      this.calendars.set(address, new FakeCalendarBook());
      this.calendars.get(address)!.calendar('primary', address, true);
    }
    return box;
  }

  addMessage(address: string, spec: FakeMessageSpec): string {
    return this.mailbox(address).add(spec);
  }

  addEvent(address: string, spec: FakeEventSpec, calendarId = 'primary'): string[] {
    this.mailbox(address);
    return this.calendars.get(address)!.add(calendarId, spec);
  }

  protected async handle(request: FakeRequest): Promise<FakeResponse> {
    const path = request.url.pathname;
    if (path === '/o/oauth2/v2/auth') return this.oauth.authorize(request);
    if (path === '/token' && request.method === 'POST') return this.oauth.token(request);
    // Not Google's: the bench reads the units a run used from a fake in another process.
    if (path === '/__fake/stats') return { status: 200, body: { unitsUsed: Object.fromEntries(this.faults.unitsUsed) } };
    if (path === '/batch/gmail/v1' && request.method === 'POST') {
      if (!this.oauth.accountOf(bearerOf(request))) return { status: 401, body: googleError(401, 'Invalid Credentials', 'authError', 'UNAUTHENTICATED') };
      return answerBatch(request, (inner) => this.api(inner));
    }
    return this.api(request);
  }

  /** One API request (alone or inside a batch): faults, bearer, quota, then the route. */
  private async api(request: FakeRequest): Promise<FakeResponse> {
    const path = request.url.pathname;
    const route = routeOf(path);
    if (!route) return { status: 404, body: googleError(404, 'Not Found', 'notFound') };
    const fault = this.faults.transient();
    if (fault === 'timeout') return 'hang';
    if (fault === 'rate-limit') {
      return { status: 429, headers: { 'Retry-After': String(this.faults.knobs.retryAfterSeconds) }, body: googleError(429, 'Rate Limit Exceeded', 'rateLimitExceeded') };
    }
    if (fault === 'server-error') return { status: 500, body: googleError(500, 'Backend Error', 'backendError') };
    if (fault === 'unavailable') return { status: 503, body: googleError(503, 'The service is currently unavailable.', 'backendError') };
    const account = this.oauth.accountOf(bearerOf(request));
    if (!account) {
      return { status: 401, body: googleError(401, 'Invalid Credentials', 'authError', 'UNAUTHENTICATED') };
    }
    const wait = this.faults.spend(account, UNITS[route.name] ?? 1);
    if (wait !== null) {
      const at = new Date(Date.now() + wait).toISOString();
      return { status: 429, body: googleError(429, `User-rate limit exceeded.  Retry after ${at}`, 'rateLimitExceeded') };
    }
    this.requests.push(route.name);
    const box = this.mailbox(account);
    const q = request.url.searchParams;
    switch (route.name) {
      case 'profile':
        return { status: 200, body: { emailAddress: account, messagesTotal: box.messages.size, threadsTotal: box.messages.size, historyId: String(box.historyId) } };
      case 'list':
        return this.list(box, q);
      case 'get':
        return this.get(box, route.id!, q.get('format') ?? 'full');
      case 'history':
        return this.historyList(box, q);
      case 'calendarList':
        return this.calendarList(account);
      case 'events':
        return this.events(account, decodeURIComponent(route.id!), q);
    }
    return { status: 404, body: googleError(404, 'Not Found', 'notFound') };
  }

  private list(box: FakeGmailMailbox, q: URLSearchParams): FakeResponse {
    const max = Math.min(Number(q.get('maxResults') ?? 100) || 100, 500);
    const all = box.search(q.get('q') ?? '', q.getAll('labelIds'), q.get('includeSpamTrash') === 'true');
    // The page token names the last message of the previous page, so new mail cannot shift pages.
    const last = opaque.decode<{ date: number; id: string }>(q.get('pageToken'));
    const rest = last ? all.filter((m) => m.internalDate < last.date || (m.internalDate === last.date && m.id > last.id)) : all;
    const page = rest.slice(0, max);
    const tail = page.at(-1);
    return {
      status: 200,
      body: {
        ...(page.length > 0 ? { messages: page.map((m) => ({ id: m.id, threadId: m.threadId })) } : {}),
        ...(rest.length > max && tail ? { nextPageToken: opaque.encode({ date: tail.internalDate, id: tail.id }) } : {}),
        resultSizeEstimate: rest.length,
      },
    };
  }

  private get(box: FakeGmailMailbox, id: string, format: string): FakeResponse {
    const m = box.messages.get(id);
    if (!m) return { status: 404, body: googleError(404, 'Requested entity was not found.', 'notFound') };
    const base = { id: m.id, threadId: m.threadId, labelIds: m.labelIds, snippet: '', historyId: String(m.historyId), internalDate: String(m.internalDate), sizeEstimate: m.sizeEstimate };
    if (format === 'minimal') return { status: 200, body: base };
    if (format === 'metadata') return { status: 200, body: { ...base, payload: { ...m.payload, parts: undefined, body: { size: 0 } } } };
    return { status: 200, body: { ...base, payload: m.payload } };
  }

  private historyList(box: FakeGmailMailbox, q: URLSearchParams): FakeResponse {
    const start = Number(q.get('startHistoryId'));
    if (!Number.isFinite(start) || start <= 0) return { status: 400, body: googleError(400, 'Invalid startHistoryId', 'invalidArgument') };
    if (start <= box.historyFloor) return { status: 404, body: googleError(404, 'Requested entity was not found.', 'notFound') };
    const max = Math.min(Number(q.get('maxResults') ?? 100) || 100, 500);
    const offset = opaque.decode<{ offset: number }>(q.get('pageToken'))?.offset ?? 0;
    const records = box.historySince(start, q.getAll('historyTypes'));
    const page = records.slice(offset, offset + max);
    const more = records.length > offset + max;
    return {
      status: 200,
      body: {
        ...(page.length > 0 ? { history: page } : {}),
        historyId: String(box.historyId),
        ...(more ? { nextPageToken: opaque.encode({ offset: offset + max }) } : {}),
      },
    };
  }

  private calendarList(account: string): FakeResponse {
    const book = this.calendars.get(account)!;
    const items = [...book.calendars.values()].map((c) => ({ kind: 'calendar#calendarListEntry', id: c.id === 'primary' ? account : c.id, summary: c.name, primary: c.primary || undefined, accessRole: 'owner' }));
    return { status: 200, body: { kind: 'calendar#calendarList', items } };
  }

  private events(account: string, calendarId: string, q: URLSearchParams): FakeResponse {
    const book = this.calendars.get(account)!;
    const calendar = calendarId === 'primary' || calendarId === account ? book.primary() : book.calendars.get(calendarId);
    if (!calendar) return { status: 404, body: googleError(404, 'Not Found', 'notFound') };
    const syncToken = q.get('syncToken');
    if (syncToken && ['timeMin', 'timeMax', 'q', 'orderBy', 'updatedMin', 'iCalUID'].some((p) => q.has(p))) {
      return { status: 400, body: googleError(400, 'Sync token cannot be combined with these parameters.', 'invalid') };
    }
    const sync = syncToken ? opaque.decode<{ seq: number; gen: number }>(syncToken) : null;
    if (syncToken && (!sync || sync.gen !== calendar.generation)) {
      return { status: 410, body: { error: { errors: [{ domain: 'calendar', reason: 'fullSyncRequired', message: 'Sync token is no longer valid, a full sync is required.', locationType: 'parameter', location: 'syncToken' }], code: 410, message: 'Sync token is no longer valid, a full sync is required.' } } };
    }
    const page = opaque.decode<{ offset: number; snapshot: number }>(q.get('pageToken'));
    const snapshot = page?.snapshot ?? calendar.seq;
    const changed = book.changedSince(calendar, sync?.seq ?? 0).filter((o) => o.seq <= snapshot);
    const showDeleted = sync !== null || q.get('showDeleted') === 'true';
    const all = changed.filter((o) => showDeleted || !o.cancelled);
    const max = Math.min(Number(q.get('maxResults') ?? 250) || 250, 2500);
    const offset = page?.offset ?? 0;
    const slice = all.slice(offset, offset + max);
    const more = all.length > offset + max;
    const singleEvents = q.get('singleEvents') === 'true';
    return {
      status: 200,
      body: {
        kind: 'calendar#events',
        summary: calendar.name,
        timeZone: 'UTC',
        accessRole: 'owner',
        items: slice.map((o) => googleEventOf(o, account, singleEvents)),
        // nextSyncToken only on the last page (provider-facts §2.1).
        ...(more ? { nextPageToken: opaque.encode({ offset: offset + max, snapshot }) } : { nextSyncToken: opaque.encode({ seq: snapshot, gen: calendar.generation }) }),
      },
    };
  }
}

function routeOf(path: string): { name: string; id?: string } | null {
  let m: RegExpExecArray | null;
  if (path === '/gmail/v1/users/me/profile') return { name: 'profile' };
  if (path === '/gmail/v1/users/me/messages') return { name: 'list' };
  if ((m = /^\/gmail\/v1\/users\/me\/messages\/([^/]+)$/.exec(path))) return { name: 'get', id: m[1]! };
  if (path === '/gmail/v1/users/me/history') return { name: 'history' };
  if (path === '/calendar/v3/users/me/calendarList') return { name: 'calendarList' };
  if ((m = /^\/calendar\/v3\/calendars\/([^/]+)\/events$/.exec(path))) return { name: 'events', id: m[1]! };
  return null;
}

function googleEventOf(o: StoredOccurrence, account: string, singleEvents: boolean) {
  if (o.cancelled) {
    // A cancelled occurrence of a live series keeps id, recurringEventId and originalStartTime.
    return o.seriesId
      ? { kind: 'calendar#event', id: o.id, status: 'cancelled', recurringEventId: o.seriesId, originalStartTime: { dateTime: o.originalStart!.toISOString() } }
      : { kind: 'calendar#event', id: o.id, status: 'cancelled' };
  }
  const s = o.spec;
  const when = (d: Date) => (s.allDay ? { date: d.toISOString().slice(0, 10) } : { dateTime: d.toISOString(), timeZone: 'UTC' });
  return {
    kind: 'calendar#event',
    id: singleEvents || !o.seriesId ? o.id : o.seriesId,
    status: 'confirmed',
    iCalUID: s.icalUid,
    summary: s.subject,
    description: s.description,
    location: s.location,
    updated: o.updated.toISOString(),
    eventType: s.eventType ?? 'default',
    start: when(o.start),
    end: when(o.end),
    organizer: { email: s.organizer.address, displayName: s.organizer.name, self: s.organizer.address === account || undefined },
    attendees: s.attendees.map((a) => ({ email: a.address, displayName: a.name, responseStatus: a.response ?? 'needsAction', self: a.address === account || undefined })),
    ...(o.seriesId ? { recurringEventId: o.seriesId, originalStartTime: { dateTime: o.originalStart!.toISOString() } } : {}),
  };
}

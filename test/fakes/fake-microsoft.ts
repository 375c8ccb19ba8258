import { FakeCalendarBook, type FakeCalendar, type StoredOccurrence } from './fake-calendar-book';
import { FakeGraphMailbox, type StoredGraphMessage } from './fake-graph-store';
import { bearerOf, opaque, type FakeRequest, type FakeResponse } from './fake-http';
import { FakeServer } from './fake-server';
import { FakeOAuth } from './fake-oauth';
import { FaultInjector } from './faults';
import type { FakeEventSpec, FakeMessageSpec } from './mail-spec';

const graphError = (code: string, message: string) => ({ error: { code, message, innerError: { 'request-id': 'fake', date: new Date().toISOString() } } });
const JSON_TYPE = { 'Content-Type': 'application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8' };

type DeltaToken = { scope: string; seq: number; gen: number; since: string | null; offset?: number; snapshot?: number; from?: number; to?: number };

/**
 * Fake Microsoft: the identity platform's authorize + token endpoints (rotating refresh tokens,
 * AADSTS-shaped errors) and Graph v1.0 (/me, mail folder message delta, calendars, calendarView
 * delta) with absolute @odata.nextLink/@odata.deltaLink, @removed, 410 SyncStateNotFound, 429
 * with Retry-After, a 4-request concurrency gate per mailbox and the Prefer header honoured
 * (maxpagesize, IdType="ImmutableId") as provider-facts.md §3-5 describe.
 */
export class FakeMicrosoft extends FakeServer {
  readonly oauth: FakeOAuth;
  readonly faults = new FaultInjector();
  readonly mailboxes = new Map<string, FakeGraphMailbox>();
  readonly calendars = new Map<string, FakeCalendarBook>();
  /** Requests whose Prefer lacked IdType="ImmutableId" (a client dropping headers on later pages). */
  readonly mutableIdRequests: string[] = [];
  private inFlight = new Map<string, number>();

  constructor() {
    super();
    this.oauth = new FakeOAuth({
      defaultAccount: () => this.mailboxes.keys().next().value ?? null,
      rotateRefreshTokens: true,
      invalidGrant: () => ({
        error: 'invalid_grant',
        error_description: 'AADSTS700082: The refresh token has expired due to inactivity.\r\nTrace ID: fake\r\nCorrelation ID: fake\r\nTimestamp: 2026-01-01 00:00:00Z',
        error_codes: [700082],
        timestamp: '2026-01-01 00:00:00Z',
        trace_id: 'fake',
        correlation_id: 'fake',
      }),
    });
  }

  mailbox(address: string): FakeGraphMailbox {
    let box = this.mailboxes.get(address);
    if (!box) {
      box = new FakeGraphMailbox(address);
      this.mailboxes.set(address, box);
      const book = new FakeCalendarBook();
      book.calendar('default', 'Calendar', true);
      this.calendars.set(address, book);
    }
    return box;
  }

  addMessage(address: string, spec: FakeMessageSpec): string {
    return this.mailbox(address).add(spec);
  }

  addEvent(address: string, spec: FakeEventSpec, calendarId = 'default'): string[] {
    this.mailbox(address);
    return this.calendars.get(address)!.add(calendarId, spec);
  }

  protected async handle(request: FakeRequest): Promise<FakeResponse> {
    const path = request.url.pathname;
    if (/^\/[^/]+\/oauth2\/v2\.0\/authorize$/.test(path)) return this.oauth.authorize(request);
    if (/^\/[^/]+\/oauth2\/v2\.0\/token$/.test(path) && request.method === 'POST') return this.oauth.token(request);
    if (!path.startsWith('/v1.0/')) return { status: 404, body: graphError('UnknownError', 'not found') };
    const fault = this.faults.transient();
    if (fault === 'timeout') return 'hang';
    if (fault === 'rate-limit') {
      return { status: 429, headers: { 'Retry-After': String(this.faults.knobs.retryAfterSeconds) }, body: graphError('TooManyRequests', 'Please retry again later.') };
    }
    if (fault === 'server-error') return { status: 500, body: graphError('generalException', 'General exception while processing.') };
    if (fault === 'unavailable') return { status: 503, headers: { 'Retry-After': '0' }, body: graphError('serviceNotAvailable', 'Service unavailable.') };
    const account = this.oauth.accountOf(bearerOf(request));
    if (!account) return { status: 401, body: graphError('InvalidAuthenticationToken', 'Access token has expired or is not yet valid.') };
    // Outlook runs at most 4 requests at a time per mailbox (provider-facts §3.5).
    const running = this.inFlight.get(account) ?? 0;
    if (running >= 4) {
      return { status: 429, headers: { 'Retry-After': '0' }, body: graphError('ApplicationThrottled', 'Application is over its MailboxConcurrency limit.') };
    }
    this.inFlight.set(account, running + 1);
    try {
      return this.route(request, account);
    } finally {
      this.inFlight.set(account, (this.inFlight.get(account) ?? 1) - 1);
    }
  }

  /** Request URLs as received (tests check how clients encode and page). */
  readonly seen: string[] = [];

  private route(request: FakeRequest, account: string): FakeResponse {
    this.seen.push(request.url.toString());
    const path = decodeURIComponent(request.url.pathname.slice('/v1.0'.length));
    const prefer = String(request.headers.prefer ?? '');
    const immutable = /IdType="ImmutableId"/i.test(prefer);
    const pageSize = Math.min(Number(/odata\.maxpagesize=(\d+)/i.exec(prefer)?.[1] ?? 10) || 10, 1000);
    const box = this.mailbox(account);
    let m: RegExpExecArray | null;
    if (path === '/me') return { status: 200, headers: JSON_TYPE, body: { displayName: account.split('@')[0], mail: account, userPrincipalName: account } };
    if (path === '/me/calendars') {
      const value = [...this.calendars.get(account)!.calendars.values()].map((c) => ({ id: c.id === 'default' ? 'AAMkDefault' : c.id, name: c.name, isDefaultCalendar: c.primary }));
      return { status: 200, headers: JSON_TYPE, body: { value } };
    }
    if ((m = /^\/me\/mailFolders(?:\/|\(')([^/']+)(?:'\))?\/messages\/delta$/i.exec(path))) {
      if (!immutable) this.mutableIdRequests.push(request.url.toString());
      const folder = m[1]!.toLowerCase();
      // The first call's $filter is encoded into every later link of the round (provider-facts §3.1).
      const q = request.url.searchParams;
      const carried = opaque.decode<DeltaToken>(q.get('$skiptoken') ?? q.get('$deltatoken'))?.since ?? null;
      const filter = /receivedDateTime ge (\S+)/i.exec(q.get('$filter') ?? '')?.[1] ?? carried;
      return this.delta(request, box, `mail:${folder}`, filter, pageSize, (since, seq) =>
        [...box.messages.values()]
          .filter((x) => x.seq > since && x.seq <= seq)
          .filter((x) => x.folder === folder || (since > 0 && x.removed))
          .filter((x) => since > 0 || (!x.removed && (!filter || x.spec.date.getTime() >= Date.parse(filter))))
          .sort((a, b) => a.seq - b.seq)
          .map((x) => (x.removed || x.folder !== folder ? removedOf(x.id, immutable) : graphMessageOf(x, immutable))),
        box.seq);
    }
    if ((m = /^\/me(?:\/calendars\/([^/]+))?\/calendarView\/delta$/i.exec(path))) {
      if (!immutable) this.mutableIdRequests.push(request.url.toString());
      const book = this.calendars.get(account)!;
      const calendar = !m[1] || m[1] === 'AAMkDefault' ? book.primary() : book.calendars.get(m[1]);
      if (!calendar) return { status: 404, body: graphError('ErrorItemNotFound', 'The specified object was not found in the store.') };
      const q = request.url.searchParams;
      const window = { from: Date.parse(q.get('startDateTime') ?? ''), to: Date.parse(q.get('endDateTime') ?? '') };
      return this.delta(request, box, `cal:${calendar.id}`, null, pageSize, (since, seq, token) =>
        book.changedSince(calendar, since).filter((o) => o.seq <= seq)
          .filter((o) => since > 0 || !o.cancelled)
          .filter((o) => o.start.getTime() < (token?.to ?? window.to) && o.end.getTime() > (token?.from ?? window.from))
          .map((o) => (o.cancelled ? removedOf(`AAMkE${o.id}`, immutable) : graphEventOf(o, calendar, immutable))),
        calendar.seq, window, calendar);
    }
    return { status: 404, body: graphError('ErrorItemNotFound', 'The specified object was not found in the store.') };
  }

  /** One delta round page: first call, $skiptoken pages, $deltatoken rounds (links are absolute). */
  private delta(
    request: FakeRequest,
    box: FakeGraphMailbox,
    scope: string,
    since: string | null,
    pageSize: number,
    changes: (afterSeq: number, upToSeq: number, token: DeltaToken | null) => unknown[],
    currentSeq: number,
    window?: { from: number; to: number },
    calendar?: FakeCalendar,
  ): FakeResponse {
    const q = request.url.searchParams;
    const token = opaque.decode<DeltaToken>(q.get('$skiptoken') ?? q.get('$deltatoken'));
    const generation = calendar ? calendar.generation * 1000 + box.generation : box.generation;
    if ((q.has('$skiptoken') || q.has('$deltatoken')) && (!token || token.gen !== generation || token.scope !== scope)) {
      return { status: 410, body: graphError('SyncStateNotFound', 'The sync state generation is not found; generation=1;[highest=2]') };
    }
    const isPage = q.has('$skiptoken');
    const afterSeq = token?.seq ?? 0;
    const snapshot = isPage ? token!.snapshot! : currentSeq;
    const all = changes(afterSeq, snapshot, token);
    const offset = isPage ? (token!.offset ?? 0) : 0;
    const value = all.slice(offset, offset + pageSize);
    const base = `${request.url.origin}${request.url.pathname}`;
    const keep: DeltaToken = { scope, seq: afterSeq, gen: generation, since: token?.since ?? since, ...(window ? { from: token?.from ?? window.from, to: token?.to ?? window.to } : {}) };
    const more = all.length > offset + pageSize;
    const link = more
      ? { '@odata.nextLink': `${base}?$skiptoken=${opaque.encode({ ...keep, offset: offset + pageSize, snapshot })}` }
      : { '@odata.deltaLink': `${base}?$deltatoken=${opaque.encode({ ...keep, seq: snapshot })}` };
    return { status: 200, headers: JSON_TYPE, body: { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Collection(message)', value, ...link } };
  }
}

const idFor = (id: string, immutable: boolean) => (immutable ? id : `REST${id.slice(5)}`);
const removedOf = (id: string, immutable: boolean) => ({ '@odata.type': '#microsoft.graph.message', id: idFor(id, immutable), '@removed': { reason: 'deleted' } });
const addr = (a: { address: string; name?: string }) => ({ emailAddress: { name: a.name ?? a.address, address: a.address } });
/** Graph's 7-digit fraction, no offset (provider-facts §4). */
const graphTime = (d: Date) => ({ dateTime: d.toISOString().replace(/\.(\d{3})Z$/, '.$10000'), timeZone: 'UTC' });

function graphMessageOf(x: StoredGraphMessage, immutable: boolean) {
  const s = x.spec;
  const headers = [
    ...(s.inReplyTo ? [{ name: 'In-Reply-To', value: `<${s.inReplyTo}>` }] : []),
    ...(s.references?.length ? [{ name: 'References', value: s.references.map((r) => `<${r}>`).join(' ') }] : []),
  ];
  return {
    '@odata.type': '#microsoft.graph.message',
    id: idFor(x.id, immutable),
    createdDateTime: s.date.toISOString(),
    receivedDateTime: s.date.toISOString(),
    sentDateTime: s.date.toISOString(),
    internetMessageId: s.messageId ? `<${s.messageId}>` : undefined,
    conversationId: `conv-${(s.references?.[0] ?? s.messageId ?? x.id).slice(0, 24)}`,
    subject: s.subject,
    body: s.html !== undefined ? { contentType: 'html', content: s.html } : { contentType: 'text', content: s.text ?? '' },
    from: addr(s.from),
    sender: addr(s.from),
    toRecipients: s.to.map(addr),
    ccRecipients: (s.cc ?? []).map(addr),
    isDraft: false,
    parentFolderId: x.folder,
    internetMessageHeaders: headers,
  };
}

function graphEventOf(o: StoredOccurrence, calendar: FakeCalendar, immutable: boolean) {
  const s = o.spec;
  return {
    id: idFor(`AAMkE${o.id}`, immutable),
    iCalUId: s.icalUid,
    type: o.seriesId ? 'occurrence' : 'singleInstance',
    seriesMasterId: o.seriesId ?? undefined,
    originalStart: o.originalStart?.toISOString(),
    subject: s.subject,
    body: { contentType: 'html', content: s.description ? `<p>${s.description}</p>` : '' },
    start: graphTime(o.start),
    end: graphTime(o.end),
    isAllDay: Boolean(s.allDay),
    isCancelled: false,
    organizer: addr(s.organizer),
    attendees: s.attendees.map((a) => ({ type: 'required', status: { response: a.response === 'accepted' ? 'accepted' : 'none' }, ...addr(a) })),
    location: { displayName: s.location ?? '' },
    calendarName: calendar.name,
  };
}

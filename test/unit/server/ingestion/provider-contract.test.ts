import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withRetries } from '../../../../server/ingestion/handle-provider-error';
import type { Connection, IngestedEvent, IngestedMessage, Page, PageRequest, Provider } from '../../../../server/ingestion/provider';
import { ProviderError } from '../../../../server/ingestion/provider-error';
import { createProviderRegistry } from '../../../../server/ingestion/registry';
import { grantThroughFake } from '../../../fakes/connect-fake';
import { fakeProviderStarters, type FakeProviderServer } from '../../../fakes/fake-providers';
import type { FakeMessageSpec } from '../../../fakes/mail-spec';
import { configForFakes } from '../../../fakes/provider-config';

// Every registered provider must pass this suite against its fake (DESIGN.md "Providers"): the
// real client library, unchanged, through configurable base URLs.
const ME = 'mia@ourco.example';
const day = 24 * 3600_000;
const at = (daysAgo: number) => new Date(Date.now() - daysAgo * day);
const msg = (n: number, extra: Partial<FakeMessageSpec> = {}): FakeMessageSpec => ({
  messageId: `c${n}@northwind.example`,
  from: { address: 'olivia@northwind.example', name: 'Park, Olivia' },
  to: [{ address: ME, name: 'Mia' }],
  subject: `订单 ${n}`,
  date: at(1 + n / 1000),
  html: `<p>Order <b>${n}</b></p><blockquote>older</blockquote>`,
  labels: ['INBOX'],
  ...extra,
});

type Pass<T> = { items: T[]; removed: string[]; cursor: string; pages: number };

async function pass<T>(fetchPage: (r: PageRequest) => Promise<Page<T>>, resource: string, cursor: string | null): Promise<Pass<T>> {
  const out: Pass<T> = { items: [], removed: [], cursor: '', pages: 0 };
  let state: string | null = null;
  const signal = AbortSignal.timeout(20_000);
  for (;;) {
    const page: Page<T> = await fetchPage({
      resource,
      cursor,
      state,
      windowStart: at(90),
      signal,
      attempt: (request) => withRetries(request, { signal, sleep: async () => undefined }),
    });
    out.pages++;
    out.items.push(...page.items);
    out.removed.push(...page.removed);
    if ('cursor' in page.next) return { ...out, cursor: page.next.cursor };
    state = page.next.state;
  }
}

const ids = (items: { providerId: string }[]) => items.map((i) => i.providerId).sort();

describe.each(Object.keys(fakeProviderStarters) as (keyof typeof fakeProviderStarters)[])('provider contract: %s', (name) => {
  let server: FakeProviderServer;
  let provider: Provider;
  let connection: Connection;
  let rotated: string[];
  let mailResource: string;
  let calendarResource: string;

  beforeAll(async () => {
    server = await fakeProviderStarters[name]();
    for (let n = 0; n < 520; n++) server.addMessage(ME, msg(n));
    server.addMessage(ME, msg(500, { labels: ['SENT'], from: { address: ME }, to: [{ address: 'zhang@steel.cn', name: '张伟' }] }));
    server.addMessage(ME, msg(501, { date: at(200), subject: 'outside the window' }));
    provider = createProviderRegistry(configForFakes({ [name]: server.url })).get(name)!;
    const granted = await grantThroughFake(provider, ME);
    expect(granted.address).toBe(ME);
    rotated = [];
    connection = provider.connect(granted.refreshToken, { saveRefreshToken: async (t) => void rotated.push(t) });
    const channels = provider.channels({ calendars: [], mailFolders: [] });
    expect(channels.some((c) => c.kind === 'mail')).toBe(true);
    expect(channels.some((c) => c.kind === 'calendar')).toBe(true);
    mailResource = channels.find((c) => c.kind === 'mail')!.resource;
    calendarResource = channels.find((c) => c.kind === 'calendar')!.resource;
  });
  afterAll(() => server?.close());

  const mailPass = (cursor: string | null, resource = mailResource) => pass<IngestedMessage>((r) => connection.mail.fetchPage(r), resource, cursor);
  const calendarPass = (cursor: string | null) => pass<IngestedEvent>((r) => connection.calendar.fetchPage(r), calendarResource, cursor);

  it('imports the window in several pages as plain text, then only what changed', async () => {
    const full = await mailPass(null);
    expect(full.pages).toBeGreaterThan(1);
    const inbox = full.items.filter((m) => !m.sentByMailbox);
    expect(inbox.filter((m) => !/^订单 \d+$/.test(m.subject)).map((m) => m.subject)).toEqual([]);
    expect(inbox).toHaveLength(520);
    expect(full.items.some((m) => m.subject === 'outside the window')).toBe(false);
    const first = inbox.find((m) => m.messageId === 'c7@northwind.example')!;
    expect(first).toMatchObject({ subject: '订单 7', bodyText: 'Order 7', from: { address: 'olivia@northwind.example', name: 'Park, Olivia' } });

    const added = server.addMessage(ME, msg(600, { subject: 'new one' }));
    const next = await mailPass(full.cursor);
    expect(next.items.map((m) => m.subject)).toEqual(['new one']);
    if (name === 'google') expect(next.items[0]!.providerId).toBe(added);
  });

  it('an expired cursor is cursor-invalid', async () => {
    const { cursor } = await mailPass(null);
    server.expireMailCursors(ME);
    await expect(mailPass(cursor)).rejects.toMatchObject({ kind: 'cursor-invalid' });
  });

  it('429s with Retry-After are rate-limited (and retried); 5xx are temporary', async () => {
    server.faults.configure({ errorRate: 1, kinds: ['rate-limit'], retryAfterSeconds: 1 });
    const error = await connection.mail
      .fetchPage({ resource: mailResource, cursor: null, state: null, windowStart: at(90), signal: AbortSignal.timeout(5000), attempt: (r) => r() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'rate-limited' });
    if (name === 'microsoft') expect((error as ProviderError).retryAfterMs).toBe(1000);
    server.faults.configure({ errorRate: 1, kinds: ['server-error'] });
    await expect(
      connection.mail.fetchPage({ resource: mailResource, cursor: null, state: null, windowStart: at(90), signal: AbortSignal.timeout(5000), attempt: (r) => r() }),
    ).rejects.toMatchObject({ kind: 'temporary' });
    server.faults.configure({ errorRate: 0.2, kinds: ['rate-limit', 'server-error', 'unavailable'], retryAfterSeconds: 0, seed: 3 });
    const survived = await mailPass(null);
    server.faults.configure({ errorRate: 0 });
    expect(survived.items.filter((m) => !m.sentByMailbox).length).toBeGreaterThanOrEqual(520);
  });

  it('recurring meetings come as occurrences with one iCalUID; a cancelled occurrence is removed', async () => {
    const occurrences = server.addEvent(ME, {
      id: `series${name}`,
      icalUid: `series-${name}@example.com`,
      subject: '周会 Weekly sync',
      description: 'Agenda: prices',
      location: 'Room 3',
      start: at(10),
      end: new Date(at(10).getTime() + 3600_000),
      organizer: { address: ME, name: 'Mia' },
      attendees: [{ address: 'olivia@northwind.example', name: 'Olivia', response: 'accepted' }],
      weeklyCount: 3,
    });
    const full = await calendarPass(null);
    const series = full.items.filter((e) => e.icalUid === `series-${name}@example.com`);
    expect(series).toHaveLength(3);
    expect(new Set(series.map((e) => e.instanceKey)).size).toBe(3);
    expect(series[0]).toMatchObject({ subject: '周会 Weekly sync', description: 'Agenda: prices', location: 'Room 3' });
    expect(series[0]!.attendees.map((a) => a.address)).toContain('olivia@northwind.example');

    server.cancelEvent(ME, occurrences[1]!);
    const next = await calendarPass(full.cursor);
    expect(next.removed).toHaveLength(1);
    expect(series.map((e) => e.providerId)).toContain(next.removed[0]);
    server.expireCalendarCursors(ME);
    await expect(calendarPass(next.cursor)).rejects.toMatchObject({ kind: 'cursor-invalid' });
  });

  it('a revoked grant is auth-revoked', async () => {
    server.revoke(ME);
    await expect(mailPass(null)).rejects.toMatchObject({ kind: 'auth-revoked' });
    server.restore(ME);
    if (name === 'microsoft') expect(rotated.length).toBeGreaterThan(0);
  });
});

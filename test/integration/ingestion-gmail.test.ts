import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ImportedSource, TimelineItem } from '../../shared/schemas/timeline';
import { FakeGoogle } from '../fakes/fake-google';
import type { FakeMessageSpec } from '../fakes/mail-spec';
import { invitedUser, signedInAdmin, type Actor } from './support/actors';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';
import { connectAccount, ingestAll, ingestionServices } from './support/ingestion';
import { m } from './support/mutations';
import { pullAll, rowsOf } from './support/pull';

const REP = 'rep@ourco.example';
const BOSS = 'admin@ourco.example';
const hour = 3600_000;
const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * hour);
const mail = (spec: Partial<FakeMessageSpec> & Pick<FakeMessageSpec, 'messageId' | 'from' | 'to' | 'subject'>): FakeMessageSpec => ({
  date: at(5),
  text: `${spec.subject} body`,
  labels: ['INBOX'],
  ...spec,
});
const olivia = { address: 'olivia.park@northwind.example', name: 'Olivia Park' };
const daniel = { address: 'daniel.kim@northwind.example', name: 'Daniel Kim' };
const zhang = { address: 'zhang.wei@steel-example.cn', name: '张伟' };
const rep = { address: REP, name: 'Rep' };
const boss = { address: BOSS, name: 'Boss' };

let fake: FakeGoogle;
beforeAll(async () => {
  fake = await new FakeGoogle().start();
});
afterAll(() => fake.close());

describe.each(databaseKinds)('Gmail and Google Calendar ingestion on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind);
    afterEach(() => {
      fake.mailboxes.clear();
      fake.calendars.clear();
      fake.faults.configure({ errorRate: 0 });
    });

    async function world() {
      const { store, db } = testDb();
      const { services, events } = ingestionServices(store, { google: fake.url });
      const admin = await signedInAdmin(services, 'Our Co', BOSS);
      const salesRep = await invitedUser(services, admin, REP);
      const ids = { northwind: '', steel: '', olivia: '' };
      // The rep's customers: a rep sees only their own and shared ones (docs/security.md).
      const northwind = m.createCustomer('Northwind', { emailDomains: ['northwind.example'], ownerUserId: salesRep.userId });
      const steel = m.createCustomer('上海钢铁', { emailDomains: ['steel-example.cn'], ownerUserId: salesRep.userId });
      ids.northwind = northwind.payload.id;
      ids.steel = steel.payload.id;
      const contact = m.createContact(ids.northwind, 'Olivia Park', [olivia.address]);
      ids.olivia = contact.payload.id;
      await (await admin.api()).sync.push({ mutations: [northwind, steel, contact] });
      return { store, db, services, events, admin, salesRep, ids };
    }

    const emailsOf = async (actor: Actor) =>
      rowsOf((await pullAll(await actor.api())).changes, 'timelineItem').filter((i) => i.imported) as (TimelineItem & { imported: ImportedSource })[];

    it('connects through the OAuth flow, imports and links mail by the sidebar rules, and emits message-linked events', async () => {
      const w = await world();
      fake.addMessage(REP, mail({ messageId: 'in1@northwind.example', from: olivia, to: [rep], subject: 'Spring order', references: ['root@ourco.example'] }));
      fake.addMessage(REP, mail({ messageId: 'out1@ourco.example', from: rep, to: [zhang], subject: '报价单', labels: ['SENT'], date: at(4) }));
      fake.addMessage(REP, mail({ messageId: 'in2@northwind.example', from: daniel, to: [rep], subject: 'By domain', date: at(3) }));
      fake.addMessage(REP, mail({ messageId: 'int1@ourco.example', from: boss, to: [rep], subject: 'Internal only' }));
      fake.addMessage(REP, mail({ messageId: 'free@gmail.com', from: { address: 'someone@gmail.com' }, to: [rep], subject: 'Free mail' }));
      fake.addMessage(REP, mail({ messageId: 'promo@northwind.example', from: olivia, to: [rep], subject: 'Promo', labels: ['INBOX', 'CATEGORY_PROMOTIONS'] }));
      fake.addEvent(REP, {
        id: 'ev1', icalUid: 'ev1@google.com', subject: 'Quarterly review', start: at(-24), end: at(-25),
        organizer: rep, attendees: [rep, olivia], weeklyCount: 3,
      });
      await connectAccount(w.services, w.salesRep, 'google', REP);
      const summary = await ingestAll(w.services);
      expect(summary.linked).toBe(6);

      const items = await emailsOf(w.salesRep);
      const bySubject = new Map(items.map((i) => [i.imported.subject, i]));
      expect([...bySubject.keys()].sort()).toEqual(['By domain', 'Quarterly review', 'Spring order', '报价单']);
      expect(items.filter((i) => i.kind === 'meeting')).toHaveLength(3);
      expect(bySubject.get('Spring order')).toMatchObject({
        customerId: w.ids.northwind,
        contactIds: [w.ids.olivia],
        kind: 'email',
        authorUserId: w.salesRep.userId,
        imported: { direction: 'inbound', mine: true, body: 'Spring order body', sharing: 'private' },
      });
      expect(bySubject.get('报价单')).toMatchObject({ customerId: w.ids.steel, imported: { direction: 'outbound' } });
      expect(bySubject.get('By domain')).toMatchObject({ customerId: w.ids.northwind, contactIds: [] });

      // The seam for issue 4: one event per newly linked message, after commit.
      expect(w.events.map((e) => [e.messageId, e.direction, e.threadKey]).sort()).toEqual([
        ['in1@northwind.example', 'inbound', 'root@ourco.example'],
        ['in2@northwind.example', 'inbound', 'in2@northwind.example'],
        ['out1@ourco.example', 'outbound', 'out1@ourco.example'],
      ]);
      const event = w.events.find((e) => e.messageId === 'in1@northwind.example')!;
      expect(event).toMatchObject({ orgId: w.salesRep.orgId, customerId: w.ids.northwind, fromAddress: olivia.address, mailboxUserId: w.salesRep.userId });
      expect((await w.store.repos.timelineItems.listByIds(w.salesRep.orgId, [event.timelineItemId]))[0]?.customerId).toBe(w.ids.northwind);

      // Health: the owner's replica gets the account with its channels; the admin does not.
      const repAccounts = rowsOf((await pullAll(await w.salesRep.api())).changes, 'mailAccount');
      expect(repAccounts).toHaveLength(1);
      expect(repAccounts[0]!.channels.map((c) => [c.kind, c.errorKind, c.lastSuccessAt !== null])).toEqual([
        ['mail', null, true],
        ['calendar', null, true],
      ]);
      expect(rowsOf((await pullAll(await w.admin.api())).changes, 'mailAccount')).toHaveLength(0);
      // The refresh token is sealed at rest.
      const [stored] = await w.store.repos.mailAccounts.listByUser(w.salesRep.userId);
      expect(stored!.refreshTokenSealed).toMatch(/^v1\./);
      expect(stored!.refreshTokenSealed).not.toContain('rt-');
    });

    it('one item per Message-ID that both mailboxes reach; colleagues see only what the owners share', async () => {
      const w = await world();
      const shared = mail({ messageId: 'both@northwind.example', from: olivia, to: [rep, boss], subject: 'To both of us' });
      fake.addMessage(REP, shared);
      fake.addMessage(BOSS, shared);
      fake.addMessage(REP, mail({ messageId: 'reponly@northwind.example', from: olivia, to: [rep], subject: 'Only rep' }));
      await connectAccount(w.services, w.salesRep, 'google', REP);
      await connectAccount(w.services, w.admin, 'google', BOSS);
      await ingestAll(w.services);

      const rows = await w.store.repos.importedItems.findByParticipant(w.salesRep.orgId, { domain: 'northwind.example' });
      expect(rows).toHaveLength(2);
      const bossView = await emailsOf(w.admin);
      expect(bossView.map((i) => i.imported.subject)).toEqual(['To both of us']);
      expect(bossView[0]!.imported).toMatchObject({ mine: true, body: 'To both of us body' });

      // The rep shares subjects: the boss now sees "Only rep" with its subject but no body.
      const [account] = rowsOf((await pullAll(await w.salesRep.api())).changes, 'mailAccount');
      await (await w.salesRep.api()).mail.update({ accountId: account!.id, sharing: 'subject' });
      const after = await emailsOf(w.admin);
      expect(after.find((i) => i.imported.subject === 'Only rep')?.imported).toMatchObject({ mine: false, body: null, sharing: 'subject' });
    });

    const snapshot = async (db: { query<T>(sql: string, params?: unknown[]): Promise<T[]> }, orgId: string) =>
      db.query(
        `SELECT t.dedupe_key, c.name AS customer, t.kind, t.direction, t.summary, t.occurred_at, (SELECT array_agg(n.name ORDER BY n.name) FROM contacts n WHERE n.id = ANY(t.contact_ids)) AS contacts,
                (SELECT body FROM timeline_item_bodies b WHERE b.timeline_item_id = t.id) AS body
           FROM timeline_items t JOIN customers c ON c.id = t.customer_id
          WHERE t.org_id = $1 AND t.deleted_at IS NULL ORDER BY t.dedupe_key`,
        [orgId],
      );

    it('a run with 10% injected faults (429, 5xx, timeouts) ends with the same timeline as a clean run', async () => {
      const w = await world();
      const other = await signedInAdmin(w.services, 'Twin Co', 'admin@twin.example');
      const twinRep = await invitedUser(w.services, other, 'rep@twin.example');
      const northwind = m.createCustomer('Northwind', { emailDomains: ['northwind.example'], ownerUserId: twinRep.userId });
      await (await other.api()).sync.push({ mutations: [northwind, m.createContact(northwind.payload.id, 'Olivia Park', [olivia.address])] });
      for (let n = 0; n < 150; n++) {
        const spec = mail({ messageId: `bulk${n}@northwind.example`, from: n % 3 ? olivia : daniel, to: [rep], subject: `Bulk ${n} 订单`, date: at(10 + n) });
        fake.addMessage(REP, spec);
        fake.addMessage('rep@twin.example', { ...spec, to: [{ address: 'rep@twin.example' }] });
      }
      await connectAccount(w.services, w.salesRep, 'google', REP);
      await ingestAll(w.services);
      await connectAccount(w.services, twinRep, 'google', 'rep@twin.example');
      fake.faults.configure({ errorRate: 0.1, seed: 7, retryAfterSeconds: 0 });
      await ingestAll(w.services);
      fake.faults.configure({ errorRate: 0 });
      const clean = await snapshot(w.db, w.salesRep.orgId);
      expect(clean).toHaveLength(150);
      expect(await snapshot(w.db, twinRep.orgId)).toEqual(clean);
    });

    it('resumes a pass from its checkpoint after a stop, and an expired historyId resyncs without duplicates', async () => {
      const w = await world();
      for (let n = 0; n < 1100; n++) {
        fake.addMessage(REP, mail({ messageId: `bulk${n}@northwind.example`, from: olivia, to: [rep], subject: `Bulk ${n}`, date: at(10 + n) }));
      }
      await connectAccount(w.services, w.salesRep, 'google', REP);
      const count = async () => Number((await w.db.query<{ n: unknown }>("SELECT count(*) AS n FROM timeline_items WHERE kind = 'email'"))[0]!.n);
      // A server stopping after the first page of 500: its progress is the committed checkpoint.
      const stop = new AbortController();
      const first = ingestionServices(w.store, { google: fake.url }, { CRM_INGEST_PAGES_PER_RUN: '1' });
      first.services.ingestion.deps.listeners = [{ name: 'stop', handle: async () => stop.abort() }];
      await first.services.ingestion.runDue({ now: new Date(), signal: stop.signal, sleep: async () => undefined, log: () => undefined });
      expect(await count()).toBe(500);
      const [channel] = await w.db.query<{ cursor: string | null; checkpoint: string | null }>("SELECT cursor, checkpoint FROM sync_channels WHERE kind = 'mail'");
      expect(channel).toMatchObject({ cursor: null, checkpoint: expect.any(String) });
      // Another process picks the channel up where the first one stopped.
      await ingestAll(w.services);
      expect(await count()).toBe(1100);
      expect(fake.requests.filter((r) => r === 'profile').length).toBeGreaterThan(0);

      const [account] = rowsOf((await pullAll(await w.salesRep.api())).changes, 'mailAccount');
      fake.mailbox(REP).expireHistory();
      fake.addMessage(REP, mail({ messageId: 'late@northwind.example', from: olivia, to: [rep], subject: 'After expiry', date: at(1) }));
      await (await w.salesRep.api()).mail.syncNow({ accountId: account!.id });
      await ingestAll(w.services);
      expect(await count()).toBe(1101);
      const keys = await w.db.query<{ n: unknown }>('SELECT count(DISTINCT dedupe_key) AS n FROM timeline_items');
      expect(Number(keys[0]!.n)).toBe(1101);
    });

    it('lists which providers are set up; one without an OAuth client cannot be connected', async () => {
      const w = await world();
      const api = await w.salesRep.api();
      expect(await api.mail.providers()).toEqual([
        { id: 'google', configured: true },
        { id: 'microsoft', configured: false },
      ]);
      await expect(api.mail.connectUrl({ provider: 'microsoft' })).rejects.toThrow(/not set up on this server/);
      // A connect link works once, for the user it was made for.
      const { url } = await api.mail.connectUrl({ provider: 'google' });
      const id = new URL(url).pathname.split('/').pop()!;
      expect(await w.services.ingestion.oauth.redirectFor(id)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/o\/oauth2\/v2\/auth\?/);
      expect(await w.services.ingestion.oauth.redirectFor(id)).toBeNull();
      expect(await w.services.ingestion.oauth.callback(new URLSearchParams({ state: 'forged', code: 'x' }), AbortSignal.timeout(5000))).toMatchObject({ ok: false });
    });

    it('a revoked grant turns the account to "reconnect", and reconnecting resumes it', async () => {
      const w = await world();
      fake.addMessage(REP, mail({ messageId: 'r1@northwind.example', from: olivia, to: [rep], subject: 'Before' }));
      await connectAccount(w.services, w.salesRep, 'google', REP);
      await ingestAll(w.services);
      fake.oauth.revoke(REP);
      fake.oauth.expireAccessTokens();
      const [account] = rowsOf((await pullAll(await w.salesRep.api())).changes, 'mailAccount');
      await (await w.salesRep.api()).mail.syncNow({ accountId: account!.id });
      await ingestAll(w.services);
      const [revoked] = rowsOf((await pullAll(await w.salesRep.api())).changes, 'mailAccount');
      expect(revoked).toMatchObject({ status: 'reconnect' });
      expect(revoked!.channels.some((c) => c.errorKind === 'auth-revoked')).toBe(true);

      fake.oauth.restore(REP);
      fake.addMessage(REP, mail({ messageId: 'r2@northwind.example', from: olivia, to: [rep], subject: 'After' }));
      await connectAccount(w.services, w.salesRep, 'google', REP);
      await ingestAll(w.services);
      const [back] = rowsOf((await pullAll(await w.salesRep.api())).changes, 'mailAccount');
      expect(back).toMatchObject({ id: account!.id, status: 'active' });
      expect((await emailsOf(w.salesRep)).map((i) => i.imported.subject).sort()).toEqual(['After', 'Before']);
    });
  });
});

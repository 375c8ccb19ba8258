import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ImportedSource, TimelineItem } from '../../shared/schemas/timeline';
import { startFakeGoogle, startFakeMicrosoft } from '../fakes/fake-providers';
import type { FakeMessageSpec } from '../fakes/mail-spec';
import { invitedUser, signedInAdmin } from './support/actors';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';
import { connectAccount, ingestAll, ingestionServices } from './support/ingestion';
import { m } from './support/mutations';
import { pullAll, rowsOf } from './support/pull';

const OUTLOOK = 'li.na@ourco.example';
const GMAIL = 'mia@ourco.example';
const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3600_000);
const olivia = { address: 'olivia.park@northwind.example', name: 'Olivia Park' };
const mail = (spec: Partial<FakeMessageSpec> & Pick<FakeMessageSpec, 'messageId' | 'subject'>): FakeMessageSpec => ({
  from: olivia,
  to: [{ address: OUTLOOK }, { address: GMAIL }],
  date: at(5),
  html: `<div>${spec.subject} body</div><div id="divRplyFwdMsg">From: someone</div><blockquote>quoted</blockquote>`,
  labels: ['INBOX'],
  ...spec,
});

let google: Awaited<ReturnType<typeof startFakeGoogle>>;
let microsoft: Awaited<ReturnType<typeof startFakeMicrosoft>>;
beforeAll(async () => {
  google = await startFakeGoogle();
  microsoft = await startFakeMicrosoft();
});
afterAll(async () => {
  await google.close();
  await microsoft.close();
});

describe.each(databaseKinds)('Outlook (Graph) ingestion on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind);
    afterEach(() => {
      microsoft.fake.mailboxes.clear();
      google.fake.mailboxes.clear();
      microsoft.faults.configure({ errorRate: 0 });
    });

    it('imports Inbox, Sent Items and the calendar by delta with immutable ids; one item per Message-ID across Gmail and Outlook', async () => {
      const { store } = testDb();
      const { services } = ingestionServices(store, { google: google.url, microsoft: microsoft.url });
      const admin = await signedInAdmin(services, 'Our Co', 'admin@ourco.example');
      const outlookUser = await invitedUser(services, admin, OUTLOOK);
      const gmailUser = await invitedUser(services, admin, GMAIL);
      // Both mailbox users see Northwind: the Outlook user owns it, the Gmail user shares it.
      const northwind = m.createCustomer('Northwind', { emailDomains: ['northwind.example'], ownerUserId: outlookUser.userId, sharedWith: [gmailUser.userId] });
      await (await admin.api()).sync.push({ mutations: [northwind] });

      const both = mail({ messageId: 'both@northwind.example', subject: 'Delivery dates' });
      microsoft.addMessage(OUTLOOK, both);
      google.addMessage(GMAIL, both);
      for (let n = 0; n < 120; n++) microsoft.addMessage(OUTLOOK, mail({ messageId: `o${n}@northwind.example`, subject: `Outlook ${n}`, date: at(10 + n) }));
      microsoft.addMessage(OUTLOOK, mail({ messageId: 'sent@ourco.example', subject: '回复：交货期', from: { address: OUTLOOK }, to: [olivia], labels: ['SENT'] }));
      microsoft.addEvent(OUTLOOK, {
        id: 'visit', icalUid: 'visit-uid@outlook', subject: 'Visit Northwind', start: at(-48), end: at(-50),
        organizer: { address: OUTLOOK }, attendees: [olivia], location: 'Hamburg',
      });
      // The same meeting in the Gmail user's calendar: one item, reached by both.
      google.addEvent(GMAIL, {
        id: 'visitg', icalUid: 'visit-uid@outlook', subject: 'Visit Northwind', start: at(-48), end: at(-50),
        organizer: { address: OUTLOOK }, attendees: [olivia, { address: GMAIL }], location: 'Hamburg',
      });

      await connectAccount(services, outlookUser, 'microsoft', OUTLOOK);
      await connectAccount(services, gmailUser, 'google', GMAIL);
      microsoft.faults.configure({ errorRate: 0.1, seed: 11, retryAfterSeconds: 0 });
      await ingestAll(services);
      microsoft.faults.configure({ errorRate: 0 });
      expect(microsoft.fake.mutableIdRequests).toEqual([]);

      const items = rowsOf((await pullAll(await outlookUser.api())).changes, 'timelineItem') as (TimelineItem & { imported: ImportedSource })[];
      expect(items.filter((i) => i.kind === 'email')).toHaveLength(122);
      const delivery = items.find((i) => i.imported.subject === 'Delivery dates')!;
      expect(delivery.imported).toMatchObject({ direction: 'inbound', body: 'Delivery dates body', mine: true });
      expect(items.find((i) => i.imported.subject === '回复：交货期')?.imported.direction).toBe('outbound');
      const meetings = items.filter((i) => i.kind === 'meeting');
      expect(meetings).toHaveLength(1);
      expect(meetings[0]!.imported.location).toBe('Hamburg');
      expect(Date.parse(meetings[0]!.imported.endsAt!) - Date.parse(meetings[0]!.occurredAt)).toBe(2 * 3600_000);

      const rows = await store.repos.timelineItems.listByIds(admin.orgId, [delivery.id, meetings[0]!.id]);
      expect(rows.map((r) => [...r.importedFacts!.mailboxUserIds].sort())).toEqual([
        [outlookUser.userId, gmailUser.userId].sort(),
        [outlookUser.userId, gmailUser.userId].sort(),
      ]);
      const [account] = rowsOf((await pullAll(await outlookUser.api())).changes, 'mailAccount');
      expect(account!.channels.map((c) => c.label)).toEqual(['Inbox', 'Sent Items', 'Calendar']);
    });

    it('an expired deltaLink (410 SyncStateNotFound) resyncs without duplicates; rotated refresh tokens are kept sealed', async () => {
      const { store, db } = testDb();
      const { services } = ingestionServices(store, { microsoft: microsoft.url });
      const admin = await signedInAdmin(services, 'Our Co', 'admin@ourco.example');
      const user = await invitedUser(services, admin, OUTLOOK);
      await (await admin.api()).sync.push({ mutations: [m.createCustomer('Northwind', { emailDomains: ['northwind.example'], ownerUserId: user.userId })] });
      for (let n = 0; n < 30; n++) microsoft.addMessage(OUTLOOK, mail({ messageId: `e${n}@northwind.example`, subject: `E ${n}`, date: at(n + 1) }));
      await connectAccount(services, user, 'microsoft', OUTLOOK);
      await ingestAll(services);
      const [before] = await store.repos.mailAccounts.listByUser(user.userId);
      microsoft.expireMailCursors(OUTLOOK);
      microsoft.addMessage(OUTLOOK, mail({ messageId: 'after@northwind.example', subject: 'After', date: at(0.5) }));
      await (await user.api()).mail.syncNow({ accountId: before!.id });
      await ingestAll(services);
      const count = await db.query<{ n: unknown; k: unknown }>("SELECT count(*) AS n, count(DISTINCT dedupe_key) AS k FROM timeline_items WHERE kind = 'email'");
      expect(count[0]).toEqual({ n: expect.anything(), k: expect.anything() });
      expect(Number(count[0]!.n)).toBe(31);
      expect(Number(count[0]!.k)).toBe(31);
      const [after] = await store.repos.mailAccounts.listByUser(user.userId);
      expect(after!.refreshTokenSealed).not.toBe(before!.refreshTokenSealed);
    });
  });
});

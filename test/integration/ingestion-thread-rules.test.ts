import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../server/storage/migrate';
import { FakeGoogle } from '../fakes/fake-google';
import { invitedUser, signedInAdmin, type Actor } from './support/actors';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';
import { fu } from './support/follow-ups';
import { connectAccount, ingestAll, ingestionServices } from './support/ingestion';
import { m } from './support/mutations';
import { pullAll, rowsOf } from './support/pull';
import { sv } from './support/service-visits';
import { at, hour, mail, olivia, rep, REP } from './support/thread-mail';

let fake: FakeGoogle;
beforeAll(async () => {
  fake = await new FakeGoogle().start();
});
afterAll(() => fake.close());

/**
 * Issue 4's thread rules fed by issue 5's ingestion: mail imported through the real Gmail client
 * from the fake Google server reaches the message-linked listeners, which apply the same shared
 * rules the extension applies to the open thread, on real SQL.
 */
describe.each(databaseKinds)('imported mail drives follow-ups and the service clock on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind);
    afterEach(() => {
      fake.mailboxes.clear();
      fake.calendars.clear();
    });

    const pulled = async (actor: Actor) => (await pullAll(await actor.api())).changes;

    it('our reply in the thread is the first reply (the clock counted from the mail’s arrival); only the customer’s reply closes the no-reply follow-up', async () => {
      const { store } = testDb();
      const { services } = ingestionServices(store, { google: fake.url });
      const admin = await signedInAdmin(services, 'Our Co', 'admin@ourco.example');
      const salesRep = await invitedUser(services, admin, REP);
      const northwind = m.createCustomer('Northwind 北风', { emailDomains: ['northwind.example'], ownerUserId: salesRep.userId });
      const customerId = northwind.payload.id;
      await (await admin.api()).sync.push({ mutations: [northwind, m.createContact(customerId, 'Olivia Park', [olivia.address])] });

      // The complaint arrives and is imported before anyone acts on it.
      const complaintSent = at(5);
      const complaintId = fake.addMessage(REP, mail({ messageId: 'in1@northwind.example', from: olivia, to: [rep], date: complaintSent }));
      await connectAccount(services, salesRep, 'google', REP);
      await ingestAll(services);
      const threadRef = `gmail:${fake.mailbox(REP).messages.get(complaintId)!.threadId}`;

      // An hour later the rep, reading that thread in Gmail, logs the complaint and a
      // "follow up if no reply" (the page names the thread and its newest message).
      const watch = { threadRef, afterMessageId: complaintId };
      const followUp = fu.create(customerId, salesRep.userId, { dueAt: new Date(Date.now() + 72 * hour).toISOString(), replyWatch: watch });
      const complaint = sv.create(customerId, salesRep.userId, { receivedAt: at(4).toISOString(), ...watch });
      const pushed = await (await salesRep.api()).sync.push({ mutations: [followUp, complaint] });
      expect(pushed.results.map((r) => r.status)).toEqual(['applied', 'applied']);

      // Our answer in the same thread.
      const answerSent = at(2);
      fake.addMessage(REP, mail({ messageId: 'out1@ourco.example', from: rep, to: [olivia], inReplyTo: 'in1@northwind.example', references: ['in1@northwind.example'], labels: ['SENT'], date: answerSent }));
      const [account] = rowsOf(await pulled(salesRep), 'mailAccount');
      await (await salesRep.api()).mail.syncNow({ accountId: account!.id });
      await ingestAll(services);

      let changes = await pulled(salesRep);
      expect(rowsOf(changes, 'serviceItem').find((s) => s.id === complaint.payload.id)).toMatchObject({
        receivedAt: complaintSent.toISOString(),
        firstReplyDueAt: new Date(complaintSent.getTime() + 24 * hour).toISOString(),
        firstReplyAt: answerSent.toISOString(),
      });
      // Our own message is no reply from the customer.
      expect(rowsOf(changes, 'followUp').find((f) => f.id === followUp.payload.id)).toMatchObject({ status: 'open', completedAt: null });

      // The customer answers in the thread.
      const replySent = at(1);
      fake.addMessage(REP, mail({ messageId: 'in2@northwind.example', from: olivia, to: [rep], inReplyTo: 'out1@ourco.example', references: ['in1@northwind.example', 'out1@ourco.example'], date: replySent }));
      await (await salesRep.api()).mail.syncNow({ accountId: account!.id });
      await ingestAll(services);

      changes = await pulled(salesRep);
      expect(rowsOf(changes, 'followUp').find((f) => f.id === followUp.payload.id)).toMatchObject({
        status: 'done',
        closedBy: 'customer_reply',
        completedAt: replySent.toISOString(),
      });
      // The customer's later mail leaves the first reply as it was.
      expect(rowsOf(changes, 'serviceItem').find((s) => s.id === complaint.payload.id)).toMatchObject({ firstReplyAt: answerSent.toISOString() });
    });

    it('a customer reply already imported from a colleague’s mailbox still closes the no-reply follow-up watching this mailbox’s thread', async () => {
      const { store } = testDb();
      const { services } = ingestionServices(store, { google: fake.url });
      const admin = await signedInAdmin(services, 'Our Co', 'admin@ourco.example');
      const salesRep = await invitedUser(services, admin, REP);
      const COLLEAGUE = 'li.na@ourco.example';
      const colleague = await invitedUser(services, admin, COLLEAGUE, 'admin');
      const li = { address: COLLEAGUE, name: '李娜' };
      const northwind = m.createCustomer('Northwind 北风', { emailDomains: ['northwind.example'], ownerUserId: salesRep.userId });
      const customerId = northwind.payload.id;
      await (await admin.api()).sync.push({ mutations: [northwind] });

      // The question reaches both mailboxes (imported from the colleague's first: the stored item
      // names their thread); the colleague watches their own copy of the thread.
      const question = mail({ messageId: 'q1@northwind.example', from: olivia, to: [rep, li], date: at(5) });
      const theirs = fake.addMessage(COLLEAGUE, question);
      await connectAccount(services, colleague, 'google', COLLEAGUE);
      await ingestAll(services);
      fake.addMessage(REP, question);
      await connectAccount(services, salesRep, 'google', REP);
      await ingestAll(services);
      const threadRef = `gmail:${fake.mailbox(COLLEAGUE).messages.get(theirs)!.threadId}`;
      const followUp = fu.create(customerId, colleague.userId, { dueAt: new Date(Date.now() + 72 * hour).toISOString(), replyWatch: { threadRef, afterMessageId: theirs } });
      expect((await (await colleague.api()).sync.push({ mutations: [followUp] })).results[0]).toMatchObject({ status: 'applied' });

      // The answer is imported from the rep's mailbox first, then from the colleague's.
      const answer = mail({ messageId: 'a1@northwind.example', from: olivia, to: [rep, li], inReplyTo: 'q1@northwind.example', references: ['q1@northwind.example'], date: at(1) });
      fake.addMessage(REP, answer);
      const accountOf = async (actor: typeof salesRep) => rowsOf(await pulled(actor), 'mailAccount')[0]!.id;
      await (await salesRep.api()).mail.syncNow({ accountId: await accountOf(salesRep) });
      await ingestAll(services);
      fake.addMessage(COLLEAGUE, answer);
      await (await colleague.api()).mail.syncNow({ accountId: await accountOf(colleague) });
      await ingestAll(services);

      expect(rowsOf(await pulled(colleague), 'followUp').find((f) => f.id === followUp.payload.id)).toMatchObject({ status: 'done', closedBy: 'customer_reply' });
    });

    it('mail in a thread nothing watches changes no follow-up or request', async () => {
      const { store } = testDb();
      const { services, events } = ingestionServices(store, { google: fake.url });
      const admin = await signedInAdmin(services, 'Our Co', 'admin@ourco.example');
      const salesRep = await invitedUser(services, admin, REP);
      const northwind = m.createCustomer('Northwind', { emailDomains: ['northwind.example'], ownerUserId: salesRep.userId });
      const customerId = northwind.payload.id;
      const elsewhere = { threadRef: 'gmail:0000000000000001', afterMessageId: 'aaaa' };
      const followUp = fu.create(customerId, salesRep.userId, { dueAt: new Date(Date.now() + 72 * hour).toISOString(), replyWatch: elsewhere });
      const receivedAt = at(4).toISOString();
      const complaint = sv.create(customerId, salesRep.userId, { receivedAt, ...elsewhere });
      await (await admin.api()).sync.push({ mutations: [northwind] });
      await (await salesRep.api()).sync.push({ mutations: [followUp, complaint] });
      fake.addMessage(REP, mail({ messageId: 'in9@northwind.example', from: olivia, to: [rep], date: at(1) }));
      await connectAccount(services, salesRep, 'google', REP);
      await ingestAll(services);

      expect(events).toHaveLength(1);
      const changes = await pulled(salesRep);
      expect(rowsOf(changes, 'followUp').find((f) => f.id === followUp.payload.id)).toMatchObject({ status: 'open' });
      expect(rowsOf(changes, 'serviceItem').find((s) => s.id === complaint.payload.id)).toMatchObject({ firstReplyAt: null, receivedAt });
    });
  });
});

describe.each(databaseKinds)('migration 0008 (imported threads index) on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind, { migrated: false });

    it('upgrades 0007 → 0008: the thread index exists and imported mail of a thread is read per mailbox', async () => {
      const { db, store } = testDb();
      expect(await migrate(db, { upTo: 7 })).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(await migrate(db, { upTo: 8 })).toEqual([8]);
      const [index] = await db.query<{ indexdef: string }>(`SELECT indexdef FROM pg_indexes WHERE indexname = 'timeline_items_thread_ref_idx'`);
      expect(index?.indexdef).toMatch(/\(org_id, thread_ref\)/);
      // Today's repositories run on the latest schema.
      await migrate(db);
      expect(await store.repos.threadMessages.ofMailbox('00000000-0000-7000-8000-000000000000', '00000000-0000-7000-8000-000000000001', 't')).toEqual([]);
    });
  });
});

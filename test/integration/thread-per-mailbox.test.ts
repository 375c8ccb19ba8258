import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGoogle, startFakeMicrosoft } from '../fakes/fake-providers';
import { invitedUser, signedInAdmin, type Actor } from './support/actors';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';
import { fu } from './support/follow-ups';
import { connectAccount, ingestAll, ingestionServices } from './support/ingestion';
import { m } from './support/mutations';
import { pullAll, rowsOf } from './support/pull';
import { sv } from './support/service-visits';
import { at, hour, mail, olivia, rep, REP } from './support/thread-mail';

const COLLEAGUE = 'li.na@ourco.example';
const li = { address: COLLEAGUE, name: '李娜' };
const fakes = {} as { google: Awaited<ReturnType<typeof startFakeGoogle>>; microsoft: Awaited<ReturnType<typeof startFakeMicrosoft>> };
beforeAll(async () => {
  fakes.google = await startFakeGoogle();
  fakes.microsoft = await startFakeMicrosoft();
});
afterEach(() => {
  for (const { fake } of [fakes.google, fakes.microsoft]) fake.mailboxes.clear(), fake.calendars.clear();
});
afterAll(async () => {
  await fakes.google.close();
  await fakes.microsoft.close();
});

/**
 * Gmail thread ids (and Graph conversation ids) belong to one mailbox, while a message several
 * colleagues received is stored once. The thread rules of a mailbox must see its whole
 * conversation by its own thread id even when every message was imported from a colleague's
 * Gmail first (the stored item then names the colleague's thread).
 */
describe.each(databaseKinds)('thread rules read each mailbox’s own thread on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind);
    const accountOf = async (actor: Actor) => rowsOf((await pullAll(await actor.api())).changes, 'mailAccount')[0]!.id;

    it.each(['google', 'microsoft'] as const)('this mailbox on %s: the colleague’s answer stops its clock, the customer’s reply closes its follow-up, its items link to its own thread', async (provider) => {
      const { store } = testDb();
      const { google, microsoft } = fakes;
      const { services, events } = ingestionServices(store, { google: google.url, microsoft: microsoft.url });
      const server = fakes[provider];
      const admin = await signedInAdmin(services, 'Our Co', 'admin@ourco.example');
      const salesRep = await invitedUser(services, admin, REP);
      const colleague = await invitedUser(services, admin, COLLEAGUE);
      const northwind = m.createCustomer('Northwind 北风', { emailDomains: ['northwind.example'], ownerUserId: salesRep.userId });
      const customerId = northwind.payload.id;
      await (await admin.api()).sync.push({ mutations: [northwind, m.createContact(customerId, 'Olivia Park', [olivia.address])] });

      // The complaint reaches both mailboxes; the colleague's Gmail imports it first.
      const complaintSent = at(5);
      const complaint = mail({ messageId: 'c1@northwind.example', from: olivia, to: [rep, li], date: complaintSent });
      google.addMessage(COLLEAGUE, complaint);
      await connectAccount(services, colleague, 'google', COLLEAGUE);
      await ingestAll(services);
      server.addMessage(REP, complaint);
      await connectAccount(services, salesRep, provider, REP);
      await ingestAll(services);
      const seenHere = events.find((e) => e.mailboxUserId === salesRep.userId && e.messageId === 'c1@northwind.example')!;
      const theirs = events.find((e) => e.mailboxUserId === colleague.userId && e.messageId === 'c1@northwind.example')!;
      if (provider === 'google') expect(seenHere.providerThreadId).not.toBe(theirs.providerThreadId);

      // An hour later the rep, reading the complaint in their own mailbox, logs it and a
      // "follow up if no reply" on that page's thread.
      const watch = { threadRef: seenHere.threadRef!, afterMessageId: seenHere.providerId };
      const followUp = fu.create(customerId, salesRep.userId, { dueAt: new Date(Date.now() + 72 * hour).toISOString(), replyWatch: watch });
      const request = sv.create(customerId, salesRep.userId, { receivedAt: at(4).toISOString(), ...watch });
      expect((await (await salesRep.api()).sync.push({ mutations: [followUp, request] })).results.map((r) => r.status)).toEqual(['applied', 'applied']);

      // The colleague answers all, then the customer answers all; the colleague's copies come first.
      const answerSent = at(3);
      const replySent = at(1);
      const answer = mail({ messageId: 'a1@ourco.example', from: li, to: [olivia], cc: [rep], inReplyTo: 'c1@northwind.example', references: ['c1@northwind.example'], date: answerSent });
      const reply = mail({ messageId: 'r1@northwind.example', from: olivia, to: [li, rep], inReplyTo: 'a1@ourco.example', references: ['c1@northwind.example', 'a1@ourco.example'], date: replySent });
      google.addMessage(COLLEAGUE, { ...answer, labels: ['SENT'] });
      google.addMessage(COLLEAGUE, reply);
      await (await colleague.api()).mail.syncNow({ accountId: await accountOf(colleague) });
      await ingestAll(services);
      server.addMessage(REP, answer);
      server.addMessage(REP, reply);
      await (await salesRep.api()).mail.syncNow({ accountId: await accountOf(salesRep) });
      await ingestAll(services);

      const changes = (await pullAll(await salesRep.api())).changes;
      expect(rowsOf(changes, 'serviceItem').find((s) => s.id === request.payload.id)).toMatchObject({
        receivedAt: complaintSent.toISOString(),
        firstReplyDueAt: new Date(complaintSent.getTime() + 24 * hour).toISOString(),
        firstReplyAt: answerSent.toISOString(),
      });
      expect(rowsOf(changes, 'followUp').find((f) => f.id === followUp.payload.id)).toMatchObject({
        status: 'done',
        closedBy: 'customer_reply',
        completedAt: replySent.toISOString(),
      });

      // The link back to the source opens the rep's own copy, in the pull and in a timeline page.
      const ownThread = { sourceRef: seenHere.providerThreadId, imported: expect.objectContaining({ threadRef: seenHere.providerThreadId, mine: true }) };
      expect(rowsOf(changes, 'timelineItem').find((i) => i.id === seenHere.timelineItemId)).toMatchObject(ownThread);
      const page = await (await salesRep.api()).timeline.page({ customerId, limit: 10 });
      expect(page.items.find((i) => i.id === seenHere.timelineItemId)).toMatchObject(ownThread);
    });
  });
});

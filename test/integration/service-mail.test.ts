import { describe, expect, it } from 'vitest';
import { migrate } from '../../server/storage/migrate';
import { signedInAdmin, type Actor } from './support/actors';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';
import { m } from './support/mutations';
import { pullAll, rowsOf } from './support/pull';
import { customerWithContact, sv } from './support/service-visits';

const THREAD = 'gmail:18f3a2b4c5d6e7f1';
const customerMail = { id: 'm1', from: 'wang@baosteel.example', sentAt: '2026-03-03T01:00:00.000Z' };

async function loggedComplaint(admin: Actor, extra: Parameters<typeof sv.create>[2] = {}) {
  const { customerId } = await customerWithContact(admin);
  // Logged two hours after the mail arrived, from the open thread whose newest message was m1.
  const create = sv.create(customerId, admin.userId, { threadRef: THREAD, afterMessageId: 'm1', receivedAt: '2026-03-03T03:00:00.000Z', ...extra });
  await (await admin.api()).sync.push({ mutations: [create] });
  return create.payload.id;
}

const itemOf = async (admin: Actor, id: string) => rowsOf((await pullAll(await admin.api())).changes, 'serviceItem').find((r) => r.id === id);

describe.each(databaseKinds)('service clock fed by mail ingestion on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind);

    it('the inbound mail starts the clock when it arrived; our next message is the first reply at its send time; again changes nothing', async () => {
      const { services } = testDb();
      const admin = await signedInAdmin(services);
      const id = await loggedComplaint(admin);
      const mail = {
        orgId: admin.orgId,
        threadRef: THREAD,
        mailbox: 'support@ourco.example',
        messages: [
          customerMail,
          { id: 'm2', from: 'Wang@Baosteel.example', sentAt: '2026-03-03T01:30:00.000Z' },
          { id: 'm3', from: 'support@ourco.example', sentAt: '2026-03-03T04:00:00.000Z' },
        ],
      };
      expect(await services.serviceMail.recordThreadMessages(mail)).toEqual([id]);
      expect(await itemOf(admin, id)).toMatchObject({
        receivedAt: '2026-03-03T01:00:00.000Z',
        firstReplyDueAt: '2026-03-04T01:00:00.000Z',
        firstReplyAt: '2026-03-03T04:00:00.000Z',
      });
      expect(await services.serviceMail.recordThreadMessages(mail)).toEqual([]);
    });

    it('only our side stops the clock: a colleague counts, another company or an earlier message of ours does not', async () => {
      const { services } = testDb();
      const admin = await signedInAdmin(services);
      const id = await loggedComplaint(admin);
      const record = (messages: { id: string; from: string; sentAt: string }[]) =>
        services.serviceMail.recordThreadMessages({ orgId: admin.orgId, threadRef: THREAD, messages });
      const oursBefore = { id: 'm0', from: admin.email, sentAt: '2026-03-02T08:00:00.000Z' };
      const stranger = { id: 'm2', from: 'someone@elsewhere.example', sentAt: '2026-03-03T02:00:00.000Z' };
      expect(await record([oursBefore, customerMail, stranger])).toEqual([id]);
      expect(await itemOf(admin, id)).toMatchObject({ receivedAt: '2026-03-03T01:00:00.000Z', firstReplyAt: null });
      // A colleague (a member of the organisation) answers.
      expect(await record([oursBefore, customerMail, stranger, { id: 'm4', from: admin.email, sentAt: '2026-03-03T05:00:00.000Z' }])).toEqual([id]);
      expect(await itemOf(admin, id)).toMatchObject({ firstReplyAt: '2026-03-03T05:00:00.000Z' });
    });

    it('an earlier reply seen by ingestion replaces the later time the page reported; other threads are untouched', async () => {
      const { services } = testDb();
      const admin = await signedInAdmin(services);
      const id = await loggedComplaint(admin);
      const api = await admin.api();
      await api.sync.push({ mutations: [sv.firstReply(id, '2026-03-03T09:00:00.000Z')] });
      expect(await services.serviceMail.recordThreadMessages({ orgId: admin.orgId, threadRef: 'gmail:ffff', messages: [customerMail] })).toEqual([]);
      // The logged message is not among those read (older than the page showed): times decide.
      const changed = await services.serviceMail.recordThreadMessages({
        orgId: admin.orgId,
        threadRef: THREAD,
        messages: [{ id: 'x9', from: admin.email, sentAt: '2026-03-03T03:30:00.000Z' }],
      });
      expect(changed).toEqual([id]);
      expect(await itemOf(admin, id)).toMatchObject({ receivedAt: '2026-03-03T03:00:00.000Z', firstReplyAt: '2026-03-03T03:30:00.000Z' });
    });

    it("another organisation's mail in a thread of the same id changes nothing here", async () => {
      const { services } = testDb();
      const admin = await signedInAdmin(services);
      const id = await loggedComplaint(admin);
      const other = await signedInAdmin(services, 'Org B', 'admin@b.example');
      await (await other.api()).sync.push({ mutations: [m.createCustomer('B 客户', { emailDomains: ['baosteel.example'] })] });
      const messages = [customerMail, { id: 'm3', from: other.email, sentAt: '2026-03-03T04:00:00.000Z' }];
      expect(await services.serviceMail.recordThreadMessages({ orgId: other.orgId, threadRef: THREAD, messages })).toEqual([]);
      expect(await itemOf(admin, id)).toMatchObject({ receivedAt: '2026-03-03T03:00:00.000Z', firstReplyAt: null });
    });
  });
});

describe.each(databaseKinds)('migration 0009 (service thread index) on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind, { migrated: false });

    it('upgrades 0008 → 0009: items logged before it are found by thread', async () => {
      const { db, services } = testDb();
      await migrate(db, { upTo: 8 });
      const admin = await signedInAdmin(services);
      const id = await loggedComplaint(admin);
      expect(await migrate(db, { upTo: 9 })).toEqual([9]);
      const [index] = await db.query<{ indexdef: string }>(`SELECT indexdef FROM pg_indexes WHERE indexname = 'service_items_thread_ref_idx'`);
      expect(index?.indexdef).toMatch(/\(org_id, thread_ref\)/);
      expect(await services.serviceMail.recordThreadMessages({ orgId: admin.orgId, threadRef: THREAD, messages: [customerMail] })).toEqual([id]);
    });
  });
});

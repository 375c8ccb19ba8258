import { describe, expect, it } from 'vitest';
import { signedInAdmin } from './support/actors';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';
import { customerOf, fu } from './support/follow-ups';
import { m } from './support/mutations';
import { pullAll, rowsOf } from './support/pull';

// The server side of "close when the customer replies", for mail ingestion (issue 5): the same
// shared rule as the extension's, with the server's matching, on real SQL.
describe.each(databaseKinds)('closing no-reply follow-ups from ingested mail on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind);

    it('closes only on a new message from the customer side of that thread', async () => {
      const { services } = testDb();
      const admin = await signedInAdmin(services, 'Org A', 'me@ourco.example');
      const other = await signedInAdmin(services, 'Org B', 'admin@b.example');
      const customerId = await customerOf(admin, 'Northwind', { emailDomains: ['northwind.example'] });
      await customerOf(other, 'Northwind elsewhere', { emailDomains: ['northwind.example'] });
      const watching = fu.create(customerId, admin.userId, { replyWatch: { threadRef: 'gmail:t1', afterMessageId: 'm1' } });
      const unrelated = fu.create(customerId, admin.userId, { replyWatch: { threadRef: 'gmail:t2', afterMessageId: 'x1' } });
      const api = await admin.api();
      await api.sync.push({ mutations: [m.createContact(customerId, 'Olivia', ['olivia@gmail.com']), watching, unrelated] });

      const close = (messages: { id: string; from: string; sentAt?: string }[], threadRef = 'gmail:t1') =>
        services.followUps.closeOnCustomerReply({ orgId: admin.orgId, threadRef, messages });
      const start = { id: 'm1', from: 'olivia@gmail.com', sentAt: '2026-12-01T01:00:00Z' };
      // Our reply, a stranger, and the messages that were there before close nothing.
      expect(await close([start, { id: 'm2', from: 'me@ourco.example', sentAt: '2026-12-04T01:00:00Z' }])).toEqual([]);
      expect(await close([start, { id: 'm3', from: 'buyer@fabrikam.example', sentAt: '2026-12-04T02:00:00Z' }])).toEqual([]);
      expect(await close([start])).toEqual([]);
      // Another organisation's thread with the same id is not ours to close.
      expect(await services.followUps.closeOnCustomerReply({ orgId: other.orgId, threadRef: 'gmail:t1', messages: [start] })).toEqual([]);

      // A contact's free-mail address is the customer side; so is the customer's domain.
      const reply = { id: 'm4', from: 'Olivia@Gmail.com', sentAt: '2026-12-04T03:00:00Z' };
      expect(await close([start, reply])).toEqual([watching.payload.id]);
      expect(await close([start, reply])).toEqual([]);
      const rows = rowsOf((await pullAll(api)).changes, 'followUp');
      expect(rows.find((r) => r.id === watching.payload.id)).toMatchObject({
        status: 'done',
        closedBy: 'customer_reply',
        completedAt: '2026-12-04T03:00:00.000Z',
      });
      expect(rows.find((r) => r.id === unrelated.payload.id)).toMatchObject({ status: 'open' });

      // A single new message, as ingestion sees one: it counts when sent after the follow-up was made.
      const later = { id: 'y9', from: 'sales@northwind.example', sentAt: new Date(Date.now() + 60_000).toISOString() };
      expect(await close([later], 'gmail:t2')).toEqual([unrelated.payload.id]);
    });
  });
});

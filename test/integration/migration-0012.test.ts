import { describe, expect, it } from 'vitest';
import { migrate } from '../../server/storage/migrate';
import type { ImportedItem } from '../../server/storage/repositories/imported-items';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';
import { newId } from './support/ids';
import { legacyCustomer, legacyOrg } from './support/legacy-seed';

describe.each(databaseKinds)('migration 0012 (thread ids per mailbox) on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind, { migrated: false });

    it('upgrades 0011 → 0012: sources take the stored thread id, and a re-import gives a mailbox its own', async () => {
      const { db, store } = testDb();
      await migrate(db, { upTo: 11 });
      // Written in SQL, as 0011 stored them: a message both mailboxes hold, first imported from A's.
      const { orgId, userId: userA } = await legacyOrg(db, 'Before 0012', 'a@old.example');
      const userB = newId();
      await db.query("INSERT INTO users (id, org_id, email, display_name, role) VALUES ($1, $2, 'b@old.example', '李娜', 'sales_rep')", [userB, orgId]);
      const [boxA, boxB] = [newId(), newId()];
      await db.query(
        `INSERT INTO mail_accounts (id, org_id, user_id, provider, address, status)
         VALUES ($1, $3, $4, 'google', 'a@old.example', 'active'), ($2, $3, $5, 'google', 'b@old.example', 'active')`,
        [boxA, boxB, orgId, userA, userB],
      );
      const customerId = await legacyCustomer(db, orgId, '老客户');
      const itemId = newId();
      await db.query(
        `INSERT INTO timeline_items (id, org_id, customer_id, kind, occurred_at, summary, author_user_id, dedupe_key, provider,
           direction, subject, message_id, thread_ref, from_address, mailbox_user_ids)
         VALUES ($1, $2, $3, 'email', '2026-11-02T08:00:00Z', '交货', $4, 'mid:q1@northwind.example', 'google',
           'inbound', '交货', 'q1@northwind.example', 'threadA', 'olivia@northwind.example', ARRAY[$4, $5]::uuid[])`,
        [itemId, orgId, customerId, userA, userB],
      );
      await db.query(
        `INSERT INTO timeline_item_sources (account_id, provider_item_id, timeline_item_id, org_id, user_id)
         VALUES ($1, 'msgA', $3, $4, $5), ($2, 'msgB', $3, $4, $6)`,
        [boxA, boxB, itemId, orgId, userA, userB],
      );

      expect(await migrate(db, { upTo: 12 })).toEqual([12]);
      const sources = await db.query<{ account_id: string; provider_thread_id: string | null }>(
        'SELECT account_id, provider_thread_id FROM timeline_item_sources ORDER BY provider_item_id',
      );
      expect(sources).toEqual([
        { account_id: boxA, provider_thread_id: 'threadA' },
        { account_id: boxB, provider_thread_id: 'threadA' },
      ]);
      const indexes = await db.query<{ indexname: string }>(
        `SELECT indexname FROM pg_indexes WHERE indexname IN ('timeline_item_sources_thread_idx', 'timeline_items_thread_ref_idx')`,
      );
      expect(indexes.map((i) => i.indexname)).toEqual(['timeline_item_sources_thread_idx']);
      const message = { id: 'msgA', from: 'olivia@northwind.example', sentAt: '2026-11-02T08:00:00.000Z' };
      expect(await store.repos.threadMessages.ofMailbox(orgId, boxA, 'threadA')).toEqual([message]);

      // B's mailbox imports the message again (a full resync): its source takes B's own thread id.
      const again: ImportedItem = {
        id: newId(), dedupeKey: 'mid:q1@northwind.example', providerItemId: 'msgB', kind: 'email', customerId, contactIds: [],
        occurredAt: '2026-11-02T08:00:00.000Z', summary: '交货', subject: '交货', direction: 'inbound', messageId: 'q1@northwind.example',
        threadRef: 'threadB', inReplyTo: null, referenceIds: [], fromAddress: 'olivia@northwind.example', participants: [],
        participantKeys: [], participantDomains: [], endsAt: null, location: null, body: '',
      };
      const result = await store.repos.importedItems.upsert({ accountId: boxB, orgId, userId: userB, provider: 'google', sharing: 0 }, [again]);
      expect(result.newInMailbox).toEqual([]);
      // B's replica shows the thread reference of B's own copy: the item is logged again for it.
      expect(result.changed).toEqual([itemId]);
      expect(await store.repos.threadMessages.ofMailbox(orgId, boxB, 'threadB')).toEqual([{ ...message, id: 'msgB' }]);
      expect(await store.repos.threadMessages.ofMailbox(orgId, boxB, 'threadA')).toEqual([]);
      expect(await store.repos.threadMessages.ofMailbox(orgId, boxA, 'threadA')).toEqual([message]);
      // The same copy imported again changes nothing, and logs nothing.
      const unchanged = await store.repos.importedItems.upsert({ accountId: boxB, orgId, userId: userB, provider: 'google', sharing: 0 }, [again]);
      expect(unchanged.changed).toEqual([]);
    });
  });
});

import Dexie from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { createLocalDb } from '../../../extension/local-db/db';
import { getMeta } from '../../../extension/local-db/meta';
import { applyPullPage } from '../../../extension/local-db/sync-store';
import { freshDb } from './helpers';

// House rule 7: versions only append. Version 1 is pinned here as it shipped, so an upgrade from
// it is tested against the real old layout; each new version gets its own upgrade test.
const VERSION_1_STORES = {
  customers: 'id, name, *emailDomains',
  contacts: 'id, customerId, *emails',
  timeline: 'id, customerId, [customerId+occurredAt]',
  members: 'id',
  outbox: 'id, entityId, status',
  meta: 'key',
};

// Version 2 as it shipped (issue 3), for the version 3 upgrade test.
const VERSION_2_STORES = {
  ...VERSION_1_STORES,
  customers: 'id, *emailDomains, *searchKeys',
  contacts: 'id, customerId, *emailKeys, *searchKeys',
  matchChoices: 'id, addressKey',
  customFields: 'id, key',
};

describe('local-db schema', () => {
  it('version 8 has the tables and indexes the queries rely on', async () => {
    const db = freshDb();
    await db.open();
    expect(db.verno).toBe(8);
    const indexes = Object.fromEntries(
      db.tables.map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].sort()]),
    );
    expect(indexes).toEqual({
      customers: ['*emailDomains', '*searchKeys', 'id'],
      contacts: ['*emailKeys', '*searchKeys', 'customerId', 'id'],
      timeline: ['[customerId+occurredAt]', 'customerId', 'id'],
      members: ['id'],
      matchChoices: ['addressKey', 'id'],
      customFields: ['id', 'key'],
      followUps: ['[ownerUserId+status+dueAt]', 'customerId', 'id', 'replyWatch.threadRef'],
      serviceItems: ['customerId', 'id', 'threadRef'],
      visits: ['customerId', 'id', 'plannedAt'],
      orgSettings: ['id'],
      mailAccounts: ['id'],
      departments: ['id'],
      outbox: ['entityId', 'id', 'status'],
      meta: ['key'],
    });
  });

  it('upgrades a version 1 replica: old rows get the new fields and keys, and the next pull starts over', async () => {
    const name = `test-${uuidv7()}`;
    const old = new Dexie(name);
    old.version(1).stores(VERSION_1_STORES);
    const customerId = uuidv7();
    const at = '2026-03-01T10:00:00.000Z';
    await old.table('customers').add({
      id: customerId,
      name: '上海宝钢',
      customerClass: 'A',
      ownerUserId: null,
      emailDomains: ['baosteel.example'],
      createdAt: at,
      updatedAt: at,
      version: 3,
    });
    const contactId = uuidv7();
    await old.table('contacts').add({
      id: contactId,
      customerId,
      name: '张伟',
      emails: ['zhang.wei+cn@baosteel.example'],
      createdAt: at,
      updatedAt: at,
      version: 1,
    });
    await old.table('meta').put({ key: 'cursor', value: 'old-cursor' });
    old.close();

    const db = createLocalDb(name, 2);
    const customer = await db.customers.get(customerId);
    expect(customer).toMatchObject({ name: '上海宝钢', customerClass: 'A', version: 3, tags: [], keyAccount: false });
    expect(customer?.profile.address).toBeNull();
    expect(customer?.valueCard.currency).toBe('CNY');
    const contact = await db.contacts.get(contactId);
    expect(contact).toMatchObject({ name: '张伟', phones: [], emailKeys: ['zhang.wei@baosteel.example'] });
    expect(await db.contacts.where('emailKeys').equals('zhang.wei@baosteel.example').count()).toBe(1);
    expect(await getMeta(db, 'cursor')).toBeNull();
  });

  it('upgrades a version 2 replica to 3: rows and the cursor stay, and a pulled follow-up is found by owner, status and due time', async () => {
    const name = `test-${uuidv7()}`;
    const old = new Dexie(name);
    old.version(2).stores(VERSION_2_STORES);
    await old.table('members').add({ id: 'm1', email: 'a@b.example', displayName: '王芳', role: 'sales_rep' });
    await old.table('meta').put({ key: 'cursor', value: 'cursor-before-3' });
    old.close();

    const v3 = createLocalDb(name, 3);
    expect(await v3.members.get('m1')).toMatchObject({ displayName: '王芳' });
    expect(await getMeta(v3, 'cursor')).toBe('cursor-before-3');
    v3.close();
    const db = createLocalDb(name);
    const owner = uuidv7();
    const at = '2026-12-03T01:00:00.000Z';
    await applyPullPage(
      db,
      [
        {
          entity: 'followUp',
          op: 'upsert',
          row: {
            id: uuidv7(), customerId: uuidv7(), contactId: null, ownerUserId: owner, dueAt: at, reason: '回访',
            purpose: 'no_reply', source: 'email_reply', status: 'open',
            replyWatch: { threadRef: 'gmail:18f3a2b4c5d6e7f1', afterMessageId: null }, sourceId: null, occasion: null,
            completedAt: null, completedByUserId: null, outcome: null, closedBy: null, satisfaction: null,
            createdByUserId: owner, createdAt: at, updatedAt: at, version: 1,
          },
        },
      ],
      'cursor-after',
    );
    const mine = await db.followUps
      .where('[ownerUserId+status+dueAt]')
      .between([owner, 'open', Dexie.minKey], [owner, 'open', Dexie.maxKey])
      .toArray();
    expect(mine.map((f) => f.reason)).toEqual(['回访']);
    expect(await db.followUps.where('replyWatch.threadRef').equals('gmail:18f3a2b4c5d6e7f1').count()).toBe(1);
  });

  it('upgrades a version 2 replica to 4: rows and cursor stay, and mail accounts can be stored', async () => {
    const name = `test-${uuidv7()}`;
    const old = new Dexie(name);
    old.version(1).stores(VERSION_1_STORES);
    old.version(2).stores({
      customers: 'id, *emailDomains, *searchKeys',
      contacts: 'id, customerId, *emailKeys, *searchKeys',
      matchChoices: 'id, addressKey',
      customFields: 'id, key',
    });
    const itemId = uuidv7();
    await old.table('timeline').add({ id: itemId, customerId: uuidv7(), kind: 'note', occurredAt: '2026-03-01T10:00:00.000Z', summary: 'kept' });
    await old.table('meta').put({ key: 'cursor', value: 'v2-cursor' });
    old.close();

    // Version 4 itself (version 8 starts the replica over; its own test below).
    const db = createLocalDb(name, 4);
    expect((await db.timeline.get(itemId))?.summary).toBe('kept');
    expect(await getMeta(db, 'cursor')).toBe('v2-cursor');
    const accountId = uuidv7();
    await db.mailAccounts.put({
      id: accountId,
      provider: 'google',
      address: 'mia@ourco.example',
      status: 'active',
      sharing: 'private',
      calendars: [],
      mailFolders: [],
      channels: [],
      updatedAt: '2026-03-01T10:00:00.000Z',
    });
    expect((await db.mailAccounts.get(accountId))?.address).toBe('mia@ourco.example');
  });

  it('upgrades a version 4 replica to 8: rows go (except those with a pending change) and the next pull starts from nothing', async () => {
    const name = `test-${uuidv7()}`;
    const old = new Dexie(name);
    old.version(4).stores({
      ...VERSION_2_STORES,
      followUps: 'id, customerId, [ownerUserId+status+dueAt], replyWatch.threadRef',
      serviceItems: 'id, customerId, threadRef',
      visits: 'id, customerId, plannedAt',
      orgSettings: 'id',
      mailAccounts: 'id',
    });
    const kept = uuidv7();
    const dropped = uuidv7();
    await old.table('customers').bulkAdd([
      { id: kept, name: 'Pending edit', searchKeys: [] },
      { id: dropped, name: 'Maybe no longer visible', searchKeys: [] },
    ]);
    await old.table('timeline').add({ id: uuidv7(), customerId: dropped, occurredAt: '2026-01-01T00:00:00.000Z' });
    await old.table('mailAccounts').add({ id: uuidv7(), address: 'mia@ourco.example' });
    await old.table('outbox').add({ id: uuidv7(), entityId: kept, entity: 'customer', status: 'pending' });
    await old.table('meta').put({ key: 'cursor', value: 'cursor-before-8' });
    old.close();

    const db = createLocalDb(name);
    expect((await db.customers.toArray()).map((c) => c.id)).toEqual([kept]);
    expect(await db.timeline.count()).toBe(0);
    expect(await db.outbox.count()).toBe(1);
    expect(await getMeta(db, 'cursor')).toBeNull();
    expect(await db.mailAccounts.count()).toBe(0);
    expect(await db.departments.count()).toBe(0);
  });
});

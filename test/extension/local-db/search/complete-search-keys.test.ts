import Dexie from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { createLocalDb } from '../../../../extension/local-db/db';
import { toLocalContact, toLocalCustomer } from '../../../../extension/local-db/local-rows';
import { createCustomerFromSender } from '../../../../extension/local-db/mutations/create-customer';
import { searchReplica } from '../../../../extension/local-db/queries/search';
import { completeSearchKeys } from '../../../../extension/local-db/search/complete-search-keys';
import { pinyinRomaniser } from '../../../../extension/local-db/search/pinyin-romaniser';
import { getRomaniser, setRomaniser } from '../../../../extension/local-db/search/romaniser';
import { PINYIN_PENDING } from '../../../../extension/local-db/search/search-keys';
import { applyPullPage } from '../../../../extension/local-db/sync-store';
import { contact, customer, freshDb } from '../helpers';

const AT = '2026-03-01T10:00:00.000Z';

/** A version-1 replica (the skeleton's layout) with one Chinese customer and contact. */
async function versionOneReplica(name: string) {
  const old = new Dexie(name);
  old.version(1).stores({
    customers: 'id, name, *emailDomains',
    contacts: 'id, customerId, *emails',
    timeline: 'id, customerId, [customerId+occurredAt]',
    members: 'id',
    outbox: 'id, entityId, status',
    meta: 'key',
  });
  const customerId = uuidv7();
  const contactId = uuidv7();
  await old.table('customers').add({
    id: customerId,
    name: '上海宝钢集团',
    customerClass: 'A',
    ownerUserId: null,
    emailDomains: ['baosteel.example'],
    createdAt: AT,
    updatedAt: AT,
    version: 3,
  });
  await old.table('contacts').add({ id: contactId, customerId, name: '张伟', emails: ['zw@baosteel.example'], createdAt: AT, updatedAt: AT, version: 1 });
  old.close();
  return { customerId, contactId };
}

afterEach(() => setRomaniser(null));

describe('rows keyed without the pinyin dictionary', () => {
  it('the version-2 upgrade in a page marks them; the worker completes them; a second run finds none', async () => {
    const name = `test-${uuidv7()}`;
    const { customerId, contactId } = await versionOneReplica(name);
    // The upgrade runs in whichever context opens the database first: here a page without pinyin.
    setRomaniser(null);
    const db = createLocalDb(name, 3);
    expect((await db.customers.get(customerId))?.searchKeys).toContain(PINYIN_PENDING);
    expect((await db.contacts.get(contactId))?.searchKeys).toContain(PINYIN_PENDING);
    expect(await searchReplica(db, '宝钢')).toHaveLength(1); // characters work meanwhile
    expect(await searchReplica(db, 'zhangwei')).toHaveLength(0);

    // The worker's completion loads the dictionary only now that there is something to complete.
    expect(getRomaniser()).toBeNull();
    expect(await completeSearchKeys(db)).toBe(2);
    expect(getRomaniser()).not.toBeNull();
    expect((await db.customers.get(customerId))?.searchKeys).not.toContain(PINYIN_PENDING);
    expect((await searchReplica(db, 'baogang')).map((h) => h.customer.id)).toEqual([customerId]);
    expect((await searchReplica(db, 'zhangwei')).map((h) => h.contact?.id)).toEqual([contactId]);
    // The rest of the row is untouched.
    expect(await db.customers.get(customerId)).toMatchObject({ name: '上海宝钢集团', version: 3, customerClass: 'A' });
    expect(await completeSearchKeys(db)).toBe(0);
    db.close();
  });

  it('the re-pull after the upgrade rewrites the rows with full keys in the worker', async () => {
    const name = `test-${uuidv7()}`;
    const { customerId } = await versionOneReplica(name);
    const db = createLocalDb(name);
    await db.open();
    setRomaniser(pinyinRomaniser);
    const row = customer({ id: customerId, name: '上海宝钢集团', version: 4 });
    await applyPullPage(db, [{ entity: 'customer', op: 'upsert', row }], 'c1');
    expect((await db.customers.get(customerId))?.searchKeys).toEqual(toLocalCustomer(row).searchKeys);
    expect((await db.customers.get(customerId))?.searchKeys).not.toContain(PINYIN_PENDING);
    db.close();
  });

  it('does not load the dictionary when no row waits for it', async () => {
    const db = freshDb();
    await db.customers.add(toLocalCustomer(customer({ name: 'Northwind' })));
    expect(await completeSearchKeys(db)).toBe(0);
    expect(getRomaniser()).toBeNull();
  });

  it('a pull page with Chinese names loads the dictionary before its transaction', async () => {
    const db = freshDb();
    const row = customer({ name: '上海宝钢集团' });
    await applyPullPage(db, [{ entity: 'customer', op: 'upsert', row }], 'c1');
    expect(getRomaniser()).not.toBeNull();
    expect((await db.customers.get(row.id))?.searchKeys).toEqual(expect.arrayContaining(['baogangjituan', 'bgjt']));
  });

  it('completes in batches (more rows than one transaction takes)', async () => {
    const db = freshDb();
    const c = customer({ name: '北京华信' });
    await db.customers.add(toLocalCustomer(c));
    await db.contacts.bulkAdd(Array.from({ length: 1_203 }, (_, i) => toLocalContact(contact(c.id, { name: `王芳${i}` }))));
    setRomaniser(pinyinRomaniser);
    expect(await completeSearchKeys(db)).toBe(1_204);
    expect(await db.contacts.where('searchKeys').equals(PINYIN_PENDING).count()).toBe(0);
    expect(await db.contacts.where('searchKeys').equals('wangfang1202').count()).toBe(1);
  });

  it('a page mutation loads the dictionary on demand before its transaction and writes full keys', async () => {
    expect(getRomaniser()).toBeNull();
    const db = freshDb();
    const { contactId } = await createCustomerFromSender(db, { customerName: '宝钢', contactName: '曾伟', email: 'zw@baosteel.example' });
    expect(getRomaniser()).not.toBeNull();
    const keys = (await db.contacts.get(contactId))?.searchKeys;
    expect(keys).toEqual(expect.arrayContaining(['zengwei', 'cengwei', 'zwbaosteelexample']));
    expect(keys).not.toContain(PINYIN_PENDING);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LocalDb } from '../../../../extension/local-db/db';
import { searchReplica, type SearchHit } from '../../../../extension/local-db/queries/search';
import { pinyinRomaniser } from '../../../../extension/local-db/search/pinyin-romaniser';
import { setRomaniser } from '../../../../extension/local-db/search/romaniser';
import { compareRanked, type Ranked } from '../../../../extension/local-db/search/rank';
import { freshDb, localContact, localCustomer } from '../helpers';

const label = (h: SearchHit) => (h.contact ? `${h.contact.name} · ${h.customer.name}` : h.customer.name);

describe('compareRanked', () => {
  const r = (over: Partial<Ranked>): Ranked => ({ rank: 2, kind: 'customer', name: 'x', id: 'a', ...over });

  it('orders by rank, then customers before contacts, then shorter names, then id', () => {
    const items = [
      r({ rank: 2, kind: 'customer', name: 'zz', id: '1' }),
      r({ rank: 1, kind: 'contact', name: 'a', id: '2' }),
      r({ rank: 1, kind: 'customer', name: 'abcdef', id: '3' }),
      r({ rank: 0, kind: 'contact', name: 'abcdefgh', id: '4' }),
      r({ rank: 1, kind: 'customer', name: 'abc', id: '6' }),
      r({ rank: 1, kind: 'customer', name: 'abd', id: '5' }),
    ];
    expect(items.sort(compareRanked).map((i) => i.id)).toEqual(['4', '5', '6', '3', '2', '1']);
  });
});

describe('searchReplica', () => {
  let db: LocalDb;
  beforeEach(async () => {
    setRomaniser(pinyinRomaniser);
    db = freshDb();
    await db.open();
  });
  afterEach(() => {
    setRomaniser(null);
    db.delete();
  });

  async function seed() {
    const baosteel = localCustomer({
      id: 'c-bao',
      name: '上海宝钢集团有限公司',
      shortNames: ['宝钢'],
      code: 'BG-001',
      taxNumber: '91310000132200821H',
      emailDomains: ['baosteel.com'],
      ownerUserId: 'u-1',
    });
    const zhangwei = localContact('c-bao', { id: 'p-zw', name: '张伟', emails: ['zhang.wei@baosteel.com'], phones: ['+86 138-0013-8000'] });
    const zhangweiming = localContact('c-bao', { id: 'p-zwm', name: '张伟明', emails: [], phones: [] });
    const zw = localCustomer({ id: 'c-zw', name: 'ZW Motors', emailDomains: [], ownerUserId: null });
    const bg = localCustomer({ id: 'c-bg', name: '宝钢', emailDomains: [] });
    const northwind = localCustomer({ id: 'c-nw', name: 'Northwind Trading', emailDomains: ['northwind.example'] });
    const olivia = localContact('c-nw', { id: 'p-op', name: 'Olivia Park', emails: ['olivia@northwind.example'] });
    const orphan = localContact('c-gone', { id: 'p-orphan', name: 'Zhang Orphan', emails: [] });
    await db.customers.bulkAdd([baosteel, zw, bg, northwind]);
    await db.contacts.bulkAdd([zhangwei, zhangweiming, olivia, orphan]);
    await db.members.add({ id: 'u-1', displayName: 'Li Na', email: 'li.na@crm.example', role: 'sales_rep', departmentId: null, active: true });
  }

  it('finds 张伟 by pinyin, initials, spaced pinyin and a character, with the customer and its owner', async () => {
    await seed();
    for (const typed of ['zhangwei', 'zw', 'zhang wei', '伟', 'ZhangWei']) {
      const hits = await searchReplica(db, typed);
      const hit = hits.find((h) => h.contact?.id === 'p-zw');
      expect(hit, typed).toBeDefined();
      expect(hit!.customer.name).toBe('上海宝钢集团有限公司');
      expect(hit!.owner?.displayName).toBe('Li Na');
    }
  });

  it('ranks exact matches, then name prefixes, then other matches; customers first, shorter first', async () => {
    await seed();
    expect((await searchReplica(db, 'zw')).map(label)).toEqual([
      'ZW Motors', // name prefix (rank 1)
      '张伟 · 上海宝钢集团有限公司', // initials (rank 2), shorter name first
      '张伟明 · 上海宝钢集团有限公司',
    ]);
    expect((await searchReplica(db, '宝钢')).map(label)).toEqual(['宝钢', '上海宝钢集团有限公司']);
    // The short name 宝钢 is an exact match for the big group too: both rank 0, shorter first.
    expect((await searchReplica(db, '宝钢')).map((h) => h.rank)).toEqual([0, 0]);
    expect((await searchReplica(db, 'baogang')).map(label)).toEqual(['宝钢', '上海宝钢集团有限公司']);
    expect((await searchReplica(db, 'zhang wei')).map(label)).toEqual([
      '张伟 · 上海宝钢集团有限公司',
      '张伟明 · 上海宝钢集团有限公司',
    ]);
  });

  it('ranks pinyin and initials of a whole name above the same letters inside another name', async () => {
    await seed();
    // 中物流 (zwl) and 长沙 (changsha: "sh" from its second syllable) match only inside the name.
    await db.customers.bulkAdd([
      localCustomer({ id: 'c-wl', name: '青岛中物流', emailDomains: [] }),
      localCustomer({ id: 'c-cs', name: '长沙钢铁', emailDomains: [] }),
    ]);
    expect((await searchReplica(db, 'zw')).map(label)).toEqual([
      'ZW Motors',
      '张伟 · 上海宝钢集团有限公司', // whole-name initials (rank 1)
      '张伟明 · 上海宝钢集团有限公司', // initials start (rank 2)
      '青岛中物流', // inside the name (rank 3)
    ]);
    expect((await searchReplica(db, 'zw')).map((h) => h.rank)).toEqual([1, 1, 2, 3]);
    expect((await searchReplica(db, 'zhangwei')).map((h) => h.rank)).toEqual([1, 2]);
    expect((await searchReplica(db, 'sh')).map(label)).toEqual(['上海宝钢集团有限公司', '长沙钢铁']);
  });

  it('finds by code, tax number, domain, email and phone, exact first', async () => {
    await seed();
    expect((await searchReplica(db, 'bg-001'))[0]).toMatchObject({ kind: 'customer', rank: 0, customer: { id: 'c-bao' } });
    expect((await searchReplica(db, '91310000132200821h'))[0]).toMatchObject({ rank: 0, customer: { id: 'c-bao' } });
    expect((await searchReplica(db, '9131'))[0]).toMatchObject({ rank: 3, customer: { id: 'c-bao' } });
    // A domain finds the customer; its contacts are found by their own addresses.
    expect((await searchReplica(db, 'baosteel.com')).map(label)).toEqual(['上海宝钢集团有限公司']);
    expect((await searchReplica(db, 'zhang.wei@baosteel.com'))[0]).toMatchObject({ kind: 'contact', rank: 0 });
    expect((await searchReplica(db, '+86 138 0013 8000'))[0]).toMatchObject({ kind: 'contact', rank: 0 });
    expect((await searchReplica(db, '138-0013'))[0]).toMatchObject({ kind: 'contact', rank: 3, contact: { id: 'p-zw' } });
  });

  it('is case-insensitive and finds later words', async () => {
    await seed();
    expect((await searchReplica(db, 'NORTH')).map(label)).toEqual(['Northwind Trading']);
    expect((await searchReplica(db, 'trading')).map(label)).toEqual(['Northwind Trading']);
    expect((await searchReplica(db, 'park')).map(label)).toEqual(['Olivia Park · Northwind Trading']);
  });

  it('answers nothing for empty or punctuation-only text and leaves out contacts without their customer', async () => {
    await seed();
    expect(await searchReplica(db, '')).toEqual([]);
    expect(await searchReplica(db, ' -.')).toEqual([]);
    expect(await searchReplica(db, 'orphan')).toEqual([]);
    expect(await searchReplica(db, 'nothing-like-this')).toEqual([]);
  });

  it('returns at most the limit, best first', async () => {
    await db.customers.bulkAdd(Array.from({ length: 40 }, (_, i) => localCustomer({ name: `Acme ${i}`, emailDomains: [] })));
    await db.customers.add(localCustomer({ id: 'exact', name: 'Acme', emailDomains: [] }));
    const hits = await searchReplica(db, 'acme', 10);
    expect(hits).toHaveLength(10);
    expect(hits[0]!.customer.id).toBe('exact');
  });
});

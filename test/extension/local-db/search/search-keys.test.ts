import { describe, expect, it } from 'vitest';
import { pinyinRomaniser } from '../../../../extension/local-db/search/pinyin-romaniser';
import {
  contactSearchFields,
  contactSearchKeys,
  customerSearchFields,
  customerSearchKeys,
  MAX_KEY_LENGTH,
  MAX_KEYS,
  PINYIN_PENDING,
  searchQueryOf,
} from '../../../../extension/local-db/search/search-keys';

const customer = (over: Partial<Parameters<typeof customerSearchKeys>[0]> = {}) => ({
  name: 'Northwind',
  code: null,
  shortNames: [],
  taxNumber: null,
  emailDomains: [],
  ...over,
});
const contact = (over: Partial<Parameters<typeof contactSearchKeys>[0]> = {}) => ({
  name: 'Olivia Park',
  emails: [],
  phones: [],
  ...over,
});

/** What the index does: does some key start with the typed text? */
const finds = (keys: string[], typed: string): boolean => {
  const query = searchQueryOf(typed);
  return query !== '' && keys.some((k) => k.startsWith(query));
};

describe('searchQueryOf', () => {
  it('folds case, width, accents, spaces and punctuation', () => {
    expect(searchQueryOf('Zhang Wei')).toBe('zhangwei');
    expect(searchQueryOf('ＺＨＡＮＧ　ｗｅｉ')).toBe('zhangwei');
    expect(searchQueryOf('Müller-Lüdenscheidt')).toBe('mullerludenscheidt');
    expect(searchQueryOf('+86 138-0013-8000')).toBe('8613800138000');
    expect(searchQueryOf('  ,.- ')).toBe('');
    expect(searchQueryOf('张 伟')).toBe('张伟');
  });

  it('cuts a long query to the key length', () => {
    expect(Array.from(searchQueryOf('x'.repeat(100)))).toHaveLength(MAX_KEY_LENGTH);
  });
});

describe('contact keys: Chinese names', () => {
  const keys = contactSearchKeys(contact({ name: '张伟' }), pinyinRomaniser);

  it.each(['zhangwei', 'zw', 'zhang wei', 'Zhang Wei', 'ZW', 'zhang', 'zhangw', '伟', '张', '张伟', 'wei'])(
    '张伟 is found by %j',
    (typed) => expect(finds(keys, typed)).toBe(true),
  );

  it.each(['weizhang', 'wz', 'zhangwi', '伟张', 'li'])('张伟 is not found by %j', (typed) => {
    expect(finds(keys, typed)).toBe(false);
  });

  it('reads a surname as a surname, and also finds its everyday reading', () => {
    const shan = contactSearchKeys(contact({ name: '单伟' }), pinyinRomaniser);
    expect(finds(shan, 'shanwei')).toBe(true);
    expect(finds(shan, 'sw')).toBe(true);
    expect(finds(shan, 'danwei')).toBe(true);
    const zeng = contactSearchKeys(contact({ name: '曾小贤' }), pinyinRomaniser);
    expect(finds(zeng, 'zengxiaoxian')).toBe(true);
    expect(finds(zeng, 'zxx')).toBe(true);
    expect(finds(zeng, 'xiaoxian')).toBe(true);
    expect(finds(zeng, 'xx')).toBe(true);
  });

  it('keeps the whole-name pinyin and initials as heads for ranking (also of a surname\'s everyday reading)', () => {
    expect(contactSearchFields(contact({ name: '张伟' }), pinyinRomaniser).searchHeads).toEqual(['zhangwei', 'zw']);
    expect(contactSearchFields(contact({ name: '曾伟' }), pinyinRomaniser).searchHeads).toEqual(['zengwei', 'zw', 'cengwei', 'cw']);
    expect(contactSearchFields(contact({ name: '张伟' }), null).searchHeads).toEqual([]);
    expect(contactSearchFields(contact({ name: 'Olivia Park' }), pinyinRomaniser).searchHeads).toEqual([]);
    const bao = customerSearchFields(customer({ name: '上海宝钢集团', shortNames: ['宝钢'] }), pinyinRomaniser);
    expect(bao.searchHeads).toEqual(['shanghaibaogangjituan', 'shbgjt', 'baogang', 'bg']);
  });

  it('writes ü as v (吕 lv)', () => {
    expect(finds(contactSearchKeys(contact({ name: '吕布' }), pinyinRomaniser), 'lvbu')).toBe(true);
  });

  it('finds mixed Chinese and Latin names by either part', () => {
    const keys = contactSearchKeys(contact({ name: '王芳 Fiona' }), pinyinRomaniser);
    for (const typed of ['wangfang', 'wf', 'fiona', '芳', 'wangfangfiona']) expect(finds(keys, typed), typed).toBe(true);
  });

  it('marks a Chinese name keyed without the dictionary, and keys it by its characters meanwhile', () => {
    const keys = contactSearchKeys(contact({ name: '张伟' }), null);
    expect(keys).toContain(PINYIN_PENDING);
    expect(finds(keys, '伟')).toBe(true);
    expect(finds(keys, 'zw')).toBe(false);
    expect(contactSearchKeys(contact({ name: 'Olivia Park' }), null)).not.toContain(PINYIN_PENDING);
  });
});

describe('contact keys: Latin names, emails, phones', () => {
  const keys = contactSearchKeys(
    contact({
      name: "Olivia O'Brien-Park",
      emails: ['olivia.park@northwind.example', 'op@mail.northwind.example'],
      phones: ['+86 138-0013-8000', '(021) 5888 1234'],
    }),
    pinyinRomaniser,
  );

  it.each([
    'olivia',
    'OLIVIA o',
    'obrien',
    "o'bri",
    'park',
    'olivia.park@north',
    'olivia.park@northwind.example',
    'op@mail',
    '+86 138',
    '8613800138000',
    '138-0013-8000',
    '13800138000',
    '021 5888',
    '02158881234',
  ])('is found by %j', (typed) => expect(finds(keys, typed)).toBe(true));

  it.each(['northwind', 'livia', '0013', '5888'])('is not found by %j (not the start of a word or field)', (typed) => {
    expect(finds(keys, typed)).toBe(false);
  });

  it('takes 0086 as the international prefix', () => {
    expect(finds(contactSearchKeys(contact({ phones: ['0086 139 1234 5678'] }), null), '139 1234')).toBe(true);
  });

  it('keeps keys short: no key is a prefix of another', () => {
    for (const a of keys) for (const b of keys) if (a !== b) expect(b.startsWith(a), `${a} / ${b}`).toBe(false);
  });
});

describe('customer keys', () => {
  const keys = customerSearchKeys(
    customer({
      name: '上海宝钢集团有限公司',
      code: 'C-000123',
      shortNames: ['宝钢', 'Baosteel'],
      taxNumber: '91310000132200821H',
      emailDomains: ['baosteel.com', 'mail.baosteel.com.cn'],
      profile: { phone: '+86 21 5888 1234', fax: null },
    }),
    pinyinRomaniser,
  );

  it.each([
    '上海宝钢',
    '宝钢',
    '钢集团',
    'baogang',
    'bg',
    'shanghaibaogang',
    'shbg',
    'sh',
    'jituan',
    'Baosteel',
    'c-000123',
    'C000',
    '000123',
    '91310000132200821h',
    '9131',
    'baosteel.com',
    'mail.baosteel',
    '+86 21 5888',
    '021-5888',
    '2158881234',
  ])('上海宝钢集团有限公司 is found by %j', (typed) => expect(finds(keys, typed)).toBe(true));

  it('starts no key inside a company form (公司, Co., Ltd.)', () => {
    expect(finds(keys, '公司')).toBe(false);
    expect(finds(keys, 'gongsi')).toBe(false);
    expect(finds(keys, '有限')).toBe(false);
    const latin = customerSearchKeys(customer({ name: 'Northwind Trading Co., Ltd.' }), null);
    expect(finds(latin, 'ltd')).toBe(false);
    expect(finds(latin, 'trading co')).toBe(true);
    expect(finds(customerSearchKeys(customer({ name: '有限公司' }), pinyinRomaniser), '有限公司')).toBe(true);
    // Also in the middle of a name (a branch, a number after it).
    const branch = customerSearchKeys(customer({ name: '宝钢股份有限公司上海分公司 2' }), pinyinRomaniser);
    for (const typed of ['公司', 'gongsi', '有限']) expect(finds(branch, typed), typed).toBe(false);
    for (const typed of ['上海分', 'shanghai', '2', 'baogang']) expect(finds(branch, typed), typed).toBe(true);
  });

  it('finds every word of an English name, with the words after it', () => {
    const keys = customerSearchKeys(customer({ name: 'Acme Steel Works 2' }), null);
    for (const typed of ['acme', 'steel', 'steel works', 'works 2', '2']) expect(finds(keys, typed), typed).toBe(true);
  });

  it('bounds the keys of a very long name and of many short names', () => {
    const long = customerSearchKeys(
      customer({ name: '中'.repeat(200), shortNames: Array.from({ length: 20 }, (_, i) => `别名${i}号有限公司`) }),
      pinyinRomaniser,
    );
    expect(long.length).toBeLessThanOrEqual(MAX_KEYS);
    for (const key of long) expect(Array.from(key).length).toBeLessThanOrEqual(MAX_KEY_LENGTH);
    // A long query is cut like the keys, so it still finds the row.
    expect(finds(long, '中'.repeat(120))).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import type { CustomerPatch } from '../../../../shared/schemas/customer';
import { groupFileCustomers } from '../../../../server/domain/import/file-customers';
import { matchCustomers, type KnownCustomer } from '../../../../server/domain/import/match-customers';
import { NameIndex } from '../../../../server/domain/import/name-index';
import type { ParsedRow } from '../../../../server/domain/import/read-rows';

const row = (n: number, customer: CustomerPatch): ParsedRow => ({
  row: n,
  customer,
  contact: null,
  history: null,
  followUp: null,
  service: null,
  errors: [],
  keys: { code: customer.code ?? null, taxNumber: customer.taxNumber ?? null, name: customer.name ?? null },
});
const known = (id: string, name: string, extra: Partial<KnownCustomer> = {}): KnownCustomer => ({
  id,
  name,
  ownerUserId: null,
  code: null,
  taxNumber: null,
  emailDomains: [],
  version: 1,
  ...extra,
});

describe('NameIndex', () => {
  it('finds names within one edit after normalising, without comparing every pair', () => {
    const index = new NameIndex<string>();
    for (const [id, name] of [['1', '上海宝钢集团'], ['2', 'Siemens AG'], ['3', 'Acme'], ['4', '华为技术有限公司']] as const) index.add(name, id);
    expect(index.find('上海宝钢（集团）股份有限公司')).toEqual(['1']);
    expect(index.find('SIEMANS Ltd')).toEqual(['2']);
    expect(index.find('Siemens Healthineers')).toEqual([]);
    expect(index.find('Acne Inc')).toEqual([]); // four letters: exact only
    expect(index.find('ACME Co., Ltd.')).toEqual(['3']);
    expect(index.find('华为科技有限公司')).toEqual([]); // 华为技术 vs 华为科技: four characters, two differ
  });

  it('stays fast on 20,000 names', () => {
    const index = new NameIndex<number>();
    for (let i = 0; i < 20_000; i++) index.add(`Company number ${i} Trading Ltd`, i);
    const started = performance.now();
    for (let i = 0; i < 20_000; i++) index.find(`Company number ${i} Tradeing Ltd`);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(index.find('Company number 17 Tradeing')).toEqual([17]);
  });
});

describe('grouping the rows of a file into customers', () => {
  const headerOf = (path: string[]) => path.join('.');

  it('merges rows that repeat a customer (by code, tax number or exact name) and reports contradictions', () => {
    const { customers, errors } = groupFileCustomers(
      [
        row(2, { code: 'C-1', name: 'Acme', tags: ['a'] }),
        row(3, { code: 'C-1', name: 'ACME', tags: ['b'], customerClass: 'A' }),
        row(4, { name: 'Beta', taxNumber: 'T1' }),
        row(5, { taxNumber: 'T1', profile: { city: 'x' } as never }),
        row(6, { code: 'C-1', customerClass: 'B' }),
        row(7, { name: 'Gamma' }),
        row(8, { name: 'gamma ', code: 'G-1' }),
      ],
      headerOf,
    );
    expect(customers.map((c) => [c.rows, c.fields.code ?? null, c.fields.tags ?? null])).toEqual([
      [[2, 3], 'C-1', ['a', 'b']],
      [[4, 5], null, null],
      [[7, 8], 'G-1', null],
    ]);
    expect(errors).toEqual([
      { row: 6, column: 'customerClass', message: 'Row 6, column "customerClass": "B" differs from row 2 ("A") for the same customer' },
    ]);
  });
});

describe('matching the customers of a file', () => {
  const match = (rows: ParsedRow[], existing: KnownCustomer[], policy: 'skip' | 'create' = 'skip') => {
    const { customers } = groupFileCustomers(rows, (p) => p.join('.'));
    const result = matchCustomers(customers, existing, policy);
    return { ...result, kinds: customers.map((c) => result.outcomes.get(c)!.kind) };
  };

  it('updates by code, else by tax number; refers to an existing customer by exact name from a contacts file', () => {
    const existing = [known('k1', 'Acme', { code: 'C-1' }), known('k2', 'Beta', { taxNumber: 'T2' }), known('k3', '上海宝钢')];
    const { kinds, duplicates } = match([row(2, { code: 'C-1', name: 'Acme 2' }), row(3, { taxNumber: 'T2', name: 'B' }), row(4, { name: '上海宝钢' })], existing);
    expect(kinds).toEqual(['existing', 'existing', 'existing']);
    expect(duplicates).toEqual([]);
  });

  it('flags same domain, tax number or near-identical name, against existing customers and earlier rows', () => {
    const existing = [known('k1', '上海宝钢集团', { emailDomains: ['baosteel.com'] }), known('k2', 'Twin A', { taxNumber: 'T9' }), known('k3', 'Twin B', { taxNumber: 'T9' })];
    const { kinds, duplicates } = match(
      [
        row(2, { name: '上海宝钢股份有限公司', tags: ['x'] }),
        row(3, { name: 'Other', emailDomains: ['baosteel.com'] }),
        row(4, { name: 'Third', taxNumber: 'T9' }),
        row(5, { name: 'Northwind Traders', code: 'N-1' }),
        row(6, { name: 'Northwind Trader', code: 'N-2' }),
      ],
      existing,
    );
    expect(kinds).toEqual(['skip', 'skip', 'skip', 'create', 'skip']);
    expect(duplicates.map((d) => [d.row, d.reason, d.value, d.existingCustomerId ?? d.existingRow])).toEqual([
      [2, 'name', '上海宝钢集团', 'k1'],
      [3, 'emailDomain', 'baosteel.com', 'k1'],
      [4, 'taxNumber', 'T9', 'k2'],
      [6, 'name', 'Northwind Traders', 5],
    ]);
  });

  it('creates flagged rows when told to, and refuses a code that names a customer with another tax number', () => {
    const existing = [known('k1', 'Acme', { code: 'C-1', taxNumber: 'T1' }), known('k2', 'Siemens')];
    const { kinds, duplicates } = match([row(2, { code: 'C-1', taxNumber: 'T2', name: 'Acme' }), row(3, { name: 'Siemens AG' })], existing, 'create');
    expect(kinds).toEqual(['skip', 'create']);
    expect(duplicates.map((d) => [d.reason, d.action])).toEqual([
      ['code', 'skipped'],
      ['name', 'created'],
    ]);
  });

  it('needs a name to create, and an unambiguous name to refer', () => {
    const existing = [known('k1', 'Same'), known('k2', 'Same')];
    const { kinds, errors } = match([row(2, { code: 'X-1' }), row(3, { name: 'Same' })], existing);
    expect(kinds).toEqual(['error', 'error']);
    expect(errors.map((e) => e.message)).toEqual([
      'Row 2: no customer has code X-1: add the customer name to create one',
      'Row 3: 2 customers are called Same: add their code or tax number',
    ]);
  });
});

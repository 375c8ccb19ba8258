import { describe, expect, it } from 'vitest';
import { EMPTY_CUSTOMER_FIELDS, type CustomerFields } from '../../shared/schemas/customer';
import { invitedUser, signedInAdmin } from './support/actors';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';
import { countRows, m, outcomes } from './support/mutations';
import { pullAll, rowsOf } from './support/pull';

/** Every field of the customer file set, in the form the server stores (already normalised). */
const fullFile = (ownerUserId: string): CustomerFields => ({
  name: '上海钢铁有限公司',
  code: 'SH-0001',
  shortNames: ['上钢', 'SH Steel'],
  customerClass: 'A',
  valueTier: 'strategic',
  pyramidStage: 'important',
  keyAccount: true,
  keyAccountScore: 7.25,
  relationshipStage: 'growth',
  leadSource: 'referral',
  winBackStatus: null,
  ownerUserId,
  departmentId: null,
  sharedWith: [],
  emailDomains: ['steel.cn', 'shsteel.com.cn'],
  taxNumber: '91310000MA1FL0000X',
  tags: ['钢材', 'export'],
  profile: {
    registeredOn: '1998-06-18',
    country: '中国',
    region: '上海',
    address: '上海市宝山区富锦路 885 号',
    phone: '+86 21 1234 5678',
    fax: '+86 21 1234 5679 转 801',
    website: 'https://www.steel.cn',
    industry: 'Steel',
    mainProducts: 'Hot-rolled coil, plate',
    productionScale: '8 Mt/year',
    mainDownstreamCustomers: 'Shipyards, automakers',
  },
  valueCard: {
    currency: 'CNY',
    cumulativeAmount: 123456789.5,
    cumulativeQuantity: 4200,
    thisYearAmount: 2500000,
    historicalAverage: 10288065.79,
    annualAverage: 9000000,
  },
  needs: {
    capacity: '20 kt/month',
    quality: 'ISO 9001, Q345B',
    deliveryTime: '2 weeks',
    lastNeed: 'Quote for Q3 plate',
    lastNeedAt: '2026-03-01T09:30:00+08:00',
    lastFeedback: 'Delivery was late once',
    lastFeedbackAt: '2026-02-20T15:00:00.000Z',
  },
  sensitive: {
    bank: '中国工商银行上海分行',
    bankAccount: '1001 2345 6789 0123',
    projects: 'New cold-rolling line',
    budget: '5 亿元',
    executiveIntel: 'GM retires in June',
  },
  customFields: { erp_id: 'ERP-77', employees: 12000, signed_on: '2020-01-15', segment: 'OEM', vip: true },
});

const definitions = [
  m.saveCustomField({ key: 'erp_id', label: 'ERP id', type: 'text', options: [] }),
  m.saveCustomField({ key: 'employees', label: '员工人数', type: 'number', options: [] }),
  m.saveCustomField({ key: 'signed_on', label: 'Signed on', type: 'date', options: [] }),
  m.saveCustomField({ key: 'segment', label: 'Segment', type: 'select', options: ['OEM', 'Trader'] }),
  m.saveCustomField({ key: 'vip', label: 'VIP', type: 'boolean', options: [] }),
];

describe.each(databaseKinds)('customer file on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind);

    it('round-trips a full customer file through push and pull', async () => {
      const { services } = testDb();
      const admin = await signedInAdmin(services);
      const rep = await invitedUser(services, admin, 'rep@a.example');
      const fields = fullFile(rep.userId);
      const create = m.createCustomer(fields.name, fields);
      expect(outcomes(await (await admin.api()).sync.push({ mutations: [...definitions, create] }))).toEqual(
        Array(6).fill('applied'),
      );

      const [row] = rowsOf((await pullAll(await rep.api())).changes, 'customer');
      expect(row).toEqual({
        ...fields,
        id: create.payload.id,
        version: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(await (await rep.api()).customers.get({ id: create.payload.id })).toEqual(row);
    });

    it('fills every left-out field with its empty value', async () => {
      const { services } = testDb();
      const api = await (await signedInAdmin(services)).api();
      const create = m.createCustomer('Acme', { tags: ['new'] });
      await api.sync.push({ mutations: [create] });
      const customer = await api.customers.get({ id: create.payload.id });
      expect(customer).toEqual({
        ...EMPTY_CUSTOMER_FIELDS,
        name: 'Acme',
        tags: ['new'],
        id: create.payload.id,
        version: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(customer.valueCard.currency).toBe('CNY');
    });

    it('merges group patches per sub-field: two people editing different profile fields both keep theirs', async () => {
      const { services } = testDb();
      const admin = await signedInAdmin(services);
      const rep = await invitedUser(services, admin, 'rep@a.example');
      const create = m.createCustomer('Acme', {
        sharedWith: [rep.userId],
        profile: { ...EMPTY_CUSTOMER_FIELDS.profile, country: '中国' },
        valueCard: { ...EMPTY_CUSTOMER_FIELDS.valueCard, currency: 'USD' },
      });
      const id = create.payload.id;
      await (await admin.api()).sync.push({ mutations: [...definitions, create] });

      // Both edited version 1 offline.
      await (await admin.api()).sync.push({
        mutations: [m.updateCustomer(id, { profile: { address: '上海市宝山区' }, customFields: { erp_id: 'E1', vip: true } })],
      });
      await (await rep.api()).sync.push({
        mutations: [
          m.updateCustomer(id, { profile: { phone: '+86 21 5555 0000' }, valueCard: { thisYearAmount: 42 }, customFields: { vip: null, employees: 7 } }),
        ],
      });

      const customer = await (await admin.api()).customers.get({ id });
      expect(customer.profile).toMatchObject({ country: '中国', address: '上海市宝山区', phone: '+86 21 5555 0000', fax: null });
      expect(customer.valueCard).toMatchObject({ currency: 'USD', thisYearAmount: 42 });
      expect(customer.customFields).toEqual({ erp_id: 'E1', employees: 7 });
      expect(customer.version).toBe(3);
    });

    it('rejects custom field values that do not fit the definitions, with a clear reason, writing nothing', async () => {
      const { services, db } = testDb();
      const api = await (await signedInAdmin(services)).api();
      const create = m.createCustomer('Acme', { customFields: { erp_id: 'E1' } });
      const id = create.payload.id;
      await api.sync.push({ mutations: [...definitions, create] });
      const before = await countRows(db);

      const out = await api.sync.push({
        mutations: [
          m.createCustomer('Other', { customFields: { colour: 'red' } }),
          m.updateCustomer(id, { customFields: { employees: 'many' } }),
          m.updateCustomer(id, { customFields: { segment: 'Retail' } }),
          m.updateCustomer(id, { customFields: { signed_on: '2020-02-30' } }),
          m.updateCustomer(id, { customFields: { vip: 'yes' } }),
        ],
      });
      expect(out.results).toEqual([
        expect.objectContaining({ code: 'invalid', reason: 'Custom field "colour" is not defined.' }),
        expect.objectContaining({ code: 'invalid', reason: 'Custom field "employees" must be a number.' }),
        expect.objectContaining({ code: 'invalid', reason: 'Custom field "segment" must be one of: OEM, Trader.' }),
        expect.objectContaining({ code: 'invalid', reason: 'Custom field "signed_on" must be a date (YYYY-MM-DD).' }),
        expect.objectContaining({ code: 'invalid', reason: 'Custom field "vip" must be yes or no.' }),
      ]);
      expect(await countRows(db)).toEqual({ ...before, applied_mutations: before.applied_mutations + 5 });
      expect((await api.customers.get({ id })).version).toBe(1);
    });

    it('keeps values of a deleted definition and still lets them be cleared', async () => {
      const { services } = testDb();
      const api = await (await signedInAdmin(services)).api();
      const create = m.createCustomer('Acme', { customFields: { erp_id: 'E1', employees: 3 } });
      const id = create.payload.id;
      await api.sync.push({ mutations: [...definitions, create, m.deleteCustomField(definitions[0]!.payload.id)] });
      expect((await api.customers.get({ id })).customFields).toEqual({ erp_id: 'E1', employees: 3 });

      const out = await api.sync.push({
        mutations: [m.updateCustomer(id, { customFields: { erp_id: 'E2' } }), m.updateCustomer(id, { customFields: { erp_id: null } })],
      });
      expect(outcomes(out)).toEqual(['invalid', 'applied']);
      expect((await api.customers.get({ id })).customFields).toEqual({ employees: 3 });
    });

    it('refuses a code another live customer has; a deleted customer frees its code', async () => {
      const { services } = testDb();
      const api = await (await signedInAdmin(services)).api();
      const first = m.createCustomer('First', { code: 'C001' });
      const second = m.createCustomer('Second', { code: 'C002' });
      await api.sync.push({ mutations: [first, second] });

      const out = await api.sync.push({
        mutations: [
          m.createCustomer('Third', { code: 'C001' }),
          m.updateCustomer(second.payload.id, { code: 'C001' }),
          m.updateCustomer(first.payload.id, { code: 'C001', name: 'First Ltd' }),
        ],
      });
      expect(outcomes(out)).toEqual(['conflict', 'conflict', 'applied']);
      expect(out.results[0]).toMatchObject({ reason: 'Another customer already has code C001.' });
      expect((await api.customers.get({ id: second.payload.id })).code).toBe('C002');

      const after = await api.sync.push({
        mutations: [m.deleteCustomer(first.payload.id), m.updateCustomer(second.payload.id, { code: 'C001' })],
      });
      expect(outcomes(after)).toEqual(['applied', 'applied']);
    });

    it('refuses invalid classification values at the boundary, naming the field', async () => {
      const { services } = testDb();
      const api = await (await signedInAdmin(services)).api();
      const bad = m.updateCustomer('0190a000-0000-7000-8000-000000000000', { customerClass: 'D' as never });
      await expect(api.sync.push({ mutations: [bad] })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringContaining('mutations.0.payload.patch.customerClass'),
      });
      await expect(
        api.sync.push({ mutations: [m.createCustomer('Acme', { keyAccountScore: 12 })] }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('payload.keyAccountScore') });
    });
  });
});

import { describe, expect, it } from 'vitest';
import { contactCreateSchema, contactPatchSchema } from '../../../shared/schemas/contact';
import {
  customFieldDefinitionSaveSchema,
  customFieldProblem,
  type CustomFieldDefinition,
} from '../../../shared/schemas/custom-field';
import {
  applyCustomerPatch,
  customerCreateSchema,
  customerPatchSchema,
  EMPTY_CUSTOMER_FIELDS,
} from '../../../shared/schemas/customer';
import { matchChoiceId } from '../../../shared/domain/match-choice';

const id = '01936b2e-7c4a-7d1e-9b5f-2a3c4d5e6f70';
const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('customer schemas', () => {
  it('a create with only a name gets the empty customer file', () => {
    const created = customerCreateSchema.parse({ id, name: '  上海宝钢集团 ' });
    expect(created).toEqual({ ...EMPTY_CUSTOMER_FIELDS, id, name: '上海宝钢集团' });
  });
  it('a create with part of a group keeps the other sub-fields empty', () => {
    const created = customerCreateSchema.parse({ id, name: 'Acme', profile: { city: 'x', address: '1 Main St' } });
    expect(created.profile.address).toBe('1 Main St');
    expect(created.profile.phone).toBeNull();
    expect(created.profile).not.toHaveProperty('city');
  });
  it('names each invalid field', () => {
    const result = customerCreateSchema.safeParse({
      id,
      name: 'Acme',
      customerClass: 'D',
      emailDomains: ['not a domain'],
      profile: { phone: 'call me', website: 'javascript:alert(1)' },
      valueCard: { cumulativeAmount: -5 },
    });
    expect(result.success).toBe(false);
    const found = messages(result).join('\n');
    for (const path of ['customerClass', 'emailDomains.0', 'profile.phone', 'profile.website', 'valueCard.cumulativeAmount']) {
      expect(found).toContain(`${path}:`);
    }
  });
  it('accepts real Chinese and international phone numbers', () => {
    for (const phone of ['+86 21 6123 4567', '021-61234567 转 801', '(415) 555-0100 ext 12', '13812345678']) {
      expect(customerPatchSchema.safeParse({ profile: { phone } }).success, phone).toBe(true);
    }
  });
  it('a patch merges group sub-fields, and a custom field set to null is removed', () => {
    const before = { ...EMPTY_CUSTOMER_FIELDS, name: 'Acme', customFields: { erp_id: 'E1', region_code: 'SH' } };
    const withAddress = applyCustomerPatch(before, customerPatchSchema.parse({ profile: { address: 'Pudong' } }));
    const withPhone = applyCustomerPatch(withAddress, customerPatchSchema.parse({ profile: { phone: '021-1234567' } }));
    expect(withPhone.profile).toMatchObject({ address: 'Pudong', phone: '021-1234567' });
    const cleared = applyCustomerPatch(withPhone, customerPatchSchema.parse({ customFields: { erp_id: null } }));
    expect(cleared.customFields).toEqual({ region_code: 'SH' });
  });
  it('an empty patch is refused', () => {
    expect(customerPatchSchema.safeParse({}).success).toBe(false);
  });
});

describe('contact schemas', () => {
  it('a create needs a name; emails are checked one by one', () => {
    const result = contactCreateSchema.safeParse({ id, customerId: id, name: '张伟', emails: ['zw@acme.example', 'nope'] });
    expect(messages(result)).toEqual([expect.stringMatching(/^emails\.1:/)]);
    expect(contactCreateSchema.parse({ id, customerId: id, name: '张伟' }).phones).toEqual([]);
  });
  it('a birthday may leave out the year', () => {
    expect(contactPatchSchema.safeParse({ birthday: '05-17' }).success).toBe(true);
    expect(contactPatchSchema.safeParse({ birthday: '1980-05-17' }).success).toBe(true);
    expect(contactPatchSchema.safeParse({ birthday: '13-01' }).success).toBe(false);
  });
});

describe('custom fields', () => {
  const defs: Pick<CustomFieldDefinition, 'key' | 'type' | 'options'>[] = [
    { key: 'erp_id', type: 'text', options: [] },
    { key: 'employees', type: 'number', options: [] },
    { key: 'signed_on', type: 'date', options: [] },
    { key: 'region', type: 'select', options: ['华东', '华南'] },
    { key: 'vip', type: 'boolean', options: [] },
  ];
  it('accepts values of the defined type and null', () => {
    for (const [key, value] of [
      ['erp_id', 'E-1'],
      ['employees', 120],
      ['signed_on', '2026-01-31'],
      ['region', '华东'],
      ['vip', true],
      ['vip', null],
    ] as const) {
      expect(customFieldProblem(key, value, defs), key).toBeNull();
    }
  });
  it('says what is wrong otherwise', () => {
    expect(customFieldProblem('nope', 'x', defs)).toBe('custom field "nope" is not defined');
    expect(customFieldProblem('employees', '120', defs)).toMatch(/must be a number/);
    expect(customFieldProblem('signed_on', '31/01/2026', defs)).toMatch(/YYYY-MM-DD/);
    expect(customFieldProblem('region', '西北', defs)).toMatch(/one of: 华东, 华南/);
  });
  it('a select definition needs options, and keys are machine names', () => {
    expect(customFieldDefinitionSaveSchema.safeParse({ id, key: 'region', label: '区域', type: 'select', position: 0 }).success).toBe(false);
    expect(customFieldDefinitionSaveSchema.safeParse({ id, key: 'Region Name', label: 'x', type: 'text', position: 0 }).success).toBe(false);
  });
});

describe('matchChoiceId', () => {
  it('is the same for the same user and address, and differs otherwise', async () => {
    const a = await matchChoiceId(id, 'ann@acme.example');
    expect(a).toBe(await matchChoiceId(id, 'ann@acme.example'));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a).not.toBe(await matchChoiceId(id, 'bob@acme.example'));
  });
});

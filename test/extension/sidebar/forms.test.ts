import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { invalidValueIssues } from '../../../extension/background/replica-service';
import { runtimeRequestSchema } from '../../../extension/messaging/protocol';
import { whatChanged } from '../../../extension/sidebar/components/rejected-changes';
import { CLASSIFICATION_FIELDS, PROFILE_FIELDS } from '../../../extension/sidebar/forms/customer-sections';
import { fieldErrorsOf } from '../../../extension/sidebar/forms/field-errors';
import { changedFields, formValuesOf } from '../../../extension/sidebar/forms/form-values';
import { safeHref } from '../../../extension/sidebar/format';
import { addableParticipants, contactNameOf } from '../../../extension/sidebar/participants';
import { customerPatchSchema } from '../../../shared/schemas/customer';
import { mutationSchema, type Mutation } from '../../../shared/schemas/sync';
import { localCustomer } from '../local-db/helpers';

describe('section forms', () => {
  const customer = localCustomer({ tags: ['钢材', 'VIP'], profile: { ...localCustomer().profile, phone: '+86 21 1234 5678' } });

  it('sends only the fields that changed, nested by group', () => {
    const values = formValuesOf(PROFILE_FIELDS, customer);
    expect(values['tags']).toBe('钢材, VIP');
    expect(changedFields(PROFILE_FIELDS, customer, values)).toBeNull();
    const patch = changedFields(PROFILE_FIELDS, customer, { ...values, 'profile.address': ' 上海市 ', tags: '钢材，VIP、出口' });
    expect(patch).toEqual({ profile: { address: '上海市' }, tags: ['钢材', 'VIP', '出口'] });
    expect(customerPatchSchema.safeParse(patch).success).toBe(true);
    // Emptying a field sends null; a number field with text sends NaN for the schema to refuse.
    expect(changedFields(PROFILE_FIELDS, customer, { ...values, 'profile.phone': '  ' })).toEqual({ profile: { phone: null } });
    const score = changedFields(CLASSIFICATION_FIELDS, customer, { ...formValuesOf(CLASSIFICATION_FIELDS, customer), keyAccountScore: 'high' });
    expect(Number.isNaN((score as { keyAccountScore: number }).keyAccountScore)).toBe(true);
  });

  it('turns zod issues into one translated message per field, locally and through the background', () => {
    const result = mutationSchema.safeParse({
      id: '01a20796-0000-7000-8000-000000000001',
      kind: 'customer.update',
      baseVersion: 1,
      payload: {
        id: '01a20796-0000-7000-8000-000000000002',
        patch: { name: '', customerClass: 'D', emailDomains: ['ok.example', 'bad domain'], profile: { phone: 'abc', website: 'javascript:x' }, keyAccountScore: Number.NaN },
      },
    });
    expect(result.success).toBe(false);
    const local = fieldErrorsOf(result.error);
    expect(local).toEqual({
      name: 'Required.',
      customerClass: 'Choose one of the listed values.',
      emailDomains: 'Enter a mail domain such as example.com. (entry 2)',
      'profile.phone': 'Enter a phone number such as +86 21 1234 5678.',
      'profile.website': 'Enter a web address such as example.com.',
      keyAccountScore: 'Enter a score from 1 to 9.',
    });
    // The fallback path: the background sends the issues back, the sidebar rebuilds the error.
    const remote = new ZodError(invalidValueIssues(result.error) as ZodError['issues']);
    expect(fieldErrorsOf(remote)).toEqual(local);
    expect(fieldErrorsOf(new Error('disk full'))).toBeNull();
  });
});

describe('sidebar helpers', () => {
  it('links only http(s) websites', () => {
    expect(safeHref('example.com')).toBe('https://example.com/');
    expect(safeHref('http://例子.中国/产品')).toMatch(/^http:\/\/xn--/);
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,hi')).toBeNull();
  });

  it('offers participants who are neither me, colleagues, nor contacts already', () => {
    const people = addableParticipants(
      [
        { email: 'Olivia.Park+x@Northwind.example', name: 'Olivia', role: 'from' },
        { email: 'me@ourco.example', name: 'Me', role: 'to' },
        { email: 'ben@ourco.example', name: 'Ben', role: 'cc' },
        { email: 'daniel.kim@northwind.example', name: '', role: 'cc' },
        { email: 'Daniel.Kim@northwind.example', name: 'Daniel', role: 'to' },
        { email: 'sam@gmail.com', name: 'Sam', role: 'cc' },
      ],
      [{ emails: ['olivia.park@northwind.example'] }],
      ['me@ourco.example', null],
    );
    expect(people.map((p) => p.email)).toEqual(['daniel.kim@northwind.example', 'sam@gmail.com']);
    expect(contactNameOf(people[0]!)).toBe('daniel.kim');
    // A free-mail user does not make every free-mail sender a colleague.
    expect(addableParticipants([{ email: 'sam@gmail.com', name: 'Sam', role: 'cc' }], [], ['me@gmail.com'])).toHaveLength(1);
  });

  it('says what every kind of refused change was', () => {
    const id = '01a20796-0000-7000-8000-000000000009';
    const cases: [Mutation['kind'], unknown, string][] = [
      ['customer.update', { id, patch: { profile: { phone: '+86 1' } } }, '+86 1'],
      ['contact.update', { id, patch: { name: '王芳' } }, '王芳'],
      ['contact.delete', { id }, ''],
      ['matchChoice.set', { address: 'a@b.example', customerId: id }, 'a@b.example'],
      ['customField.save', { id, key: 'erp_id', label: 'ERP 编号', type: 'text', position: 0 }, 'ERP 编号'],
      ['customField.delete', { id }, ''],
    ];
    for (const [kind, payload, text] of cases) {
      const mutation = mutationSchema.parse({ id, kind, baseVersion: null, payload });
      expect(whatChanged(mutation)).toBe(text);
    }
  });

  it('lets the customer file through the fallback messages', () => {
    const id = '01a20796-0000-7000-8000-000000000009';
    for (const request of [
      { query: 'customer', id },
      { query: 'contacts', customerId: id },
      { query: 'custom-fields' },
      { query: 'last-touch', customerId: id },
    ]) {
      expect(runtimeRequestSchema.safeParse({ type: 'replica-query', request }).success).toBe(true);
    }
    for (const request of [
      { mutation: 'update-customer', id, patch: { profile: { phone: 'x' } } },
      { mutation: 'add-contact', input: { customerId: id, name: 'A' } },
      { mutation: 'update-contact', id, patch: { name: 'B' } },
      { mutation: 'delete-contact', id },
      { mutation: 'set-match-choice', address: 'a@b.example', customerId: id },
    ]) {
      expect(runtimeRequestSchema.safeParse({ type: 'replica-mutate', request }).success).toBe(true);
    }
    expect(runtimeRequestSchema.safeParse({ type: 'replica-mutate', request: { mutation: 'delete-contact', id: 'x' } }).success).toBe(false);
  });
});

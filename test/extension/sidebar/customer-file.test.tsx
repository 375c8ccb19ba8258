// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ConversationView } from '../../../extension/sidebar/components/conversation-view';
import { freshDb, localContact, localCustomer, timelineItem } from '../local-db/helpers';
import { $, click, mount, signIn, submit, threadContext, type, waitFor } from './render-sidebar';

const OLIVIA = { email: 'olivia.park@northwind.example', name: 'Olivia Park' };
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function shown(customerOver = {}, others: { email: string; name: string }[] = []) {
  const db = freshDb();
  await signIn(db);
  const customer = localCustomer({ name: 'Northwind', customerClass: 'A', ...customerOver });
  const contact = localContact(customer.id, { name: 'Olivia Park', emails: [OLIVIA.email] });
  await db.customers.add(customer);
  await db.contacts.add(contact);
  const { root, unmount } = mount(db, <ConversationView context={threadContext(OLIVIA, others)} person={{ ...OLIVIA, role: 'from' }} />);
  cleanup = unmount;
  await waitFor(() => $(root, '[data-testid="customer-name"]'), 'customer card');
  return { db, root, customer, contact };
}

const section = (root: HTMLElement, id: string) => $(root, `[data-testid="section-${id}"]`)!;

describe('customer file in the sidebar', () => {
  it('shows an invalid phone next to the field and writes nothing; a valid one is saved and shown', async () => {
    const { db, root, customer } = await shown();
    const profile = section(root, 'profile');
    click($(profile, '[data-testid="edit-section"]'));
    const phone = await waitFor(() => $(profile, 'input[name="profile.phone"]'), 'phone input');
    await type(phone, 'call me <b>maybe</b>');
    submit(phone);
    const error = await waitFor(() => $(profile, '[data-testid="field-error"][data-field="profile.phone"]'), 'phone error');
    expect(error.textContent).toMatch(/phone number/i);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.customers.get(customer.id))?.profile.phone).toBeNull();

    await type($(profile, 'input[name="profile.phone"]'), '+86 21 1234 5678');
    submit($(profile, 'input[name="profile.phone"]'));
    await waitFor(() => $(profile, '[data-field="profile.phone"]')?.textContent === '+86 21 1234 5678', 'saved phone');
    const [entry] = await db.outbox.toArray();
    // Only the changed field is sent (last writer wins per field).
    expect(entry?.mutation).toMatchObject({ kind: 'customer.update', payload: { patch: { profile: { phone: '+86 21 1234 5678' } } } });
    expect(Object.keys((entry?.mutation.payload as { patch: object }).patch)).toEqual(['profile']);
  });

  it('refuses a class that does not exist and shows enum values translated', async () => {
    const { db, root } = await shown({ valueTier: 'strategic', relationshipStage: 'growth' });
    const classification = section(root, 'classification');
    expect($(classification, '[data-field="valueTier"]')?.textContent).toBe('Strategic');
    expect($(classification, '[data-field="relationshipStage"]')?.textContent).toBe('Growth');
    click($(classification, '[data-testid="edit-section"]'));
    const select = await waitFor(() => $(classification, 'select[name="customerClass"]') as HTMLSelectElement | null);
    // A select offers only real classes; a forged value is still refused by the schema.
    const forged = document.createElement('option');
    forged.value = 'D';
    select.append(forged);
    await type(select, 'D');
    submit(select);
    await waitFor(() => $(classification, '[data-field="customerClass"][data-testid="field-error"]'), 'class error');
    expect(await db.outbox.count()).toBe(0);
    await type($(classification, 'select[name="customerClass"]'), 'B');
    submit($(classification, 'select[name="customerClass"]'));
    await waitFor(() => $(root, '[data-testid="class-badge"]')?.textContent === 'B', 'class B badge');
  });

  it('reassigns the owner to a colleague chosen by name', async () => {
    const { db, root, customer } = await shown();
    const wang = { id: '01936b2e-7c4a-7d1e-9b5f-2a3c4d5e6f71', email: 'wang.fang@ourco.example', displayName: '王芳', role: 'sales_rep' as const, departmentId: null, active: true };
    await db.members.bulkAdd([wang, { ...wang, id: '01936b2e-7c4a-7d1e-9b5f-2a3c4d5e6f72', email: 'li@ourco.example', displayName: '李明' }]);
    const classification = section(root, 'classification');
    click($(classification, '[data-testid="edit-section"]'));
    const owner = await waitFor(() => $(classification, 'select[name="ownerUserId"]') as HTMLSelectElement | null, 'owner select');
    await waitFor(() => [...owner.options].some((o) => o.textContent === '王芳'), 'members offered by name');
    await type(owner, wang.id);
    submit(owner);
    await waitFor(() => $(classification, '[data-field="ownerUserId"]')?.textContent === '王芳', 'owner shown by name');
    expect((await db.customers.get(customer.id))?.ownerUserId).toBe(wang.id);
    const [entry] = await db.outbox.toArray();
    expect(entry?.mutation).toMatchObject({ kind: 'customer.update', payload: { patch: { ownerUserId: wang.id } } });
  });

  it('shows the website as a link only when it is http(s), and the value card in the UI language', async () => {
    const { root } = await shown({
      profile: { ...localCustomer().profile, website: 'www.northwind.example' },
      valueCard: { ...localCustomer().valueCard, currency: 'CNY', cumulativeAmount: 250000 },
    });
    const link = section(root, 'profile').querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://www.northwind.example/');
    expect(link?.getAttribute('rel')).toContain('noopener');
    expect($(root, '[data-field="valueCard.cumulativeAmount"] dd')?.textContent).toMatch(/250,000/);
  });

  it('flags a dormant customer with days since the last touch vs allowed, and a key account', async () => {
    const { db, root, customer } = await shown({ keyAccount: true, keyAccountScore: 7.5, createdAt: '2025-01-01T00:00:00Z' });
    // Never touched: counted from when the customer was created.
    await waitFor(() => $(root, '[data-testid="dormancy"][data-status="dormant"]')?.textContent?.includes('no touch logged'), 'never-touched flag');
    // A meeting booked for next week (as a calendar import brings it) is not a touch yet.
    await db.timeline.add(timelineItem(customer.id, { kind: 'meeting', occurredAt: new Date(Date.now() + 7 * 86_400_000).toISOString() }));
    await db.timeline.add(timelineItem(customer.id, { kind: 'email', occurredAt: new Date(Date.now() - 20 * 86_400_000).toISOString() }));
    const flag = await waitFor(() => $(root, '[data-testid="dormancy"][data-days="20"]'), 'dormant flag');
    expect(flag.textContent).toContain('20 days');
    expect(flag.textContent).toContain('allows 7');
    expect($(root, '[data-testid="key-account"]')?.textContent).toContain('7.5');
  });

  it('adds, edits and deletes contacts; a bad email is shown and nothing is written', async () => {
    const { db, root, customer, contact } = await shown();
    const contacts = $(root, '[data-testid="contacts"]')!;
    click($(contacts, '[data-testid="add-contact"]'));
    const form = await waitFor(() => $(contacts, '[data-testid="contact-form"]'));
    await type($(form, 'input[name="name"]'), '王芳');
    await type($(form, 'textarea[name="emails"]'), 'wang.fang@northwind.example\nnot-an-email');
    submit($(form, 'input[name="name"]'));
    const error = await waitFor(() => $(form, '[data-field="emails"][data-testid="field-error"]'));
    expect(error.textContent).toContain('entry 2');
    expect(await db.contacts.count()).toBe(1);

    await type($(form, 'textarea[name="emails"]'), 'wang.fang@northwind.example, Fang.Wang@Northwind.example');
    await type($(form, 'select[name="buyingRole"]'), 'decision_maker');
    submit($(form, 'input[name="name"]'));
    await waitFor(() => [...contacts.querySelectorAll('[data-testid="contact-item-name"]')].some((e) => e.textContent === '王芳'), 'new contact');
    const added = (await db.contacts.where('customerId').equals(customer.id).toArray()).find((c) => c.name === '王芳');
    expect(added).toMatchObject({ emails: ['wang.fang@northwind.example', 'fang.wang@northwind.example'], buyingRole: 'decision_maker' });
    expect(contacts.textContent).toContain('Decision maker');

    const olivia = contacts.querySelector(`[data-contact-id="${contact.id}"]`)!;
    click($(olivia, '[data-testid="edit-contact"]'));
    const title = await waitFor(() => $(olivia, 'input[name="title"]'));
    await type(title, '采购总监');
    submit(title);
    await waitFor(() => olivia.textContent?.includes('采购总监'), 'edited title');
    expect((await db.outbox.toArray()).at(-1)?.mutation).toMatchObject({ kind: 'contact.update', payload: { id: contact.id, patch: { title: '采购总监' } } });

    const item = contacts.querySelector(`[data-contact-id="${added!.id}"]`)!;
    click($(item, '[data-testid="delete-contact"]'));
    click(await waitFor(() => $(item, '[data-testid="confirm-delete-contact"]')));
    await waitFor(() => !contacts.querySelector(`[data-contact-id="${added!.id}"]`), 'contact gone');
    expect((await db.outbox.toArray()).map((e) => e.mutation.kind)).toEqual(['contact.create', 'contact.update', 'contact.delete']);
  });

  it('lists other participants who are not contacts yet, and adds one in one click', async () => {
    const others = [
      { email: 'daniel.kim@northwind.example', name: 'Daniel Kim' },
      { email: 'ben.wright@ourco.example', name: 'Ben Wright' }, // a colleague: not offered
      { email: 'Olivia.Park+cc@Northwind.example', name: 'Olivia' }, // already a contact
    ];
    const { db, root, customer } = await shown({}, others);
    const list = await waitFor(() => $(root, '[data-testid="participants"]'));
    expect([...list.querySelectorAll('[data-testid="participant"]')].map((e) => e.getAttribute('data-email'))).toEqual(['daniel.kim@northwind.example']);
    click($(list, '[data-testid="add-participant"]'));
    await waitFor(() => !$(root, '[data-testid="participants"]'), 'participant list emptied');
    const daniel = (await db.contacts.where('customerId').equals(customer.id).toArray()).find((c) => c.name === 'Daniel Kim');
    expect(daniel?.emails).toEqual(['daniel.kim@northwind.example']);
  });

  it('checks custom fields against their definitions', async () => {
    const { db, root, customer } = await shown();
    await db.customFields.add({ id: '01a20796-0000-7000-8000-0000000000f1', key: 'employees', label: '员工人数', type: 'number', options: [], position: 0, updatedAt: customer.createdAt, version: 1 });
    const custom = await waitFor(() => section(root, 'custom'), 'custom fields section');
    click($(custom, '[data-testid="edit-section"]'));
    const input = await waitFor(() => $(custom, 'input[name="customFields.employees"]'));
    expect(custom.textContent).toContain('员工人数');
    await type(input, 'many');
    submit(input);
    await waitFor(() => $(custom, '[data-field="customFields.employees"][data-testid="field-error"]'));
    expect(await db.outbox.count()).toBe(0);
    await type(input, '1,200');
    submit(input);
    await waitFor(() => $(custom, '[data-field="customFields.employees"]')?.textContent === '1,200', 'saved value');
    expect((await db.customers.get(customer.id))?.customFields).toEqual({ employees: 1200 });
  });
});

describe('ambiguous match', () => {
  it('asks which customer, remembers the pick, and can switch', async () => {
    const db = freshDb();
    await signIn(db);
    const alpha = localCustomer({ name: 'Alpha Steel', emailDomains: ['shared.example'] });
    const beta = localCustomer({ name: 'Beta Steel', emailDomains: ['shared.example'] });
    await db.customers.bulkAdd([alpha, beta]);
    const { root, unmount } = mount(db, <ConversationView context={threadContext({ email: 'buyer@shared.example', name: 'Buyer' })} person={{ email: 'buyer@shared.example', name: 'Buyer', role: 'from' }} />);
    cleanup = unmount;
    const picker = await waitFor(() => $(root, '[data-testid="match-picker"]'));
    expect(picker.textContent).toContain('domain shared.example');
    click($(picker, `[data-customer-id="${beta.id}"] [data-testid="pick-customer"]`));
    await waitFor(() => $(root, '[data-testid="customer-name"]')?.textContent === 'Beta Steel', 'Beta shown');
    click($(root, '[data-testid="switch-customer"]'));
    const again = await waitFor(() => $(root, '[data-testid="match-picker"]'));
    click($(again, `[data-customer-id="${alpha.id}"] [data-testid="pick-customer"]`));
    await waitFor(() => $(root, '[data-testid="customer-name"]')?.textContent === 'Alpha Steel', 'Alpha shown');
    expect((await db.matchChoices.toArray()).map((c) => c.customerId)).toEqual([alpha.id]);
  });
});

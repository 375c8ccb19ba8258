// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/schemas/member';
import { ConversationView } from '../../../extension/sidebar/components/conversation-view';
import { freshDb, localContact, localCustomer } from '../local-db/helpers';
import { $, click, ME, mount, signIn, submit, threadContext, tick, type, waitFor } from './render-sidebar';

// What the sidebar offers follows shared/domain/access.ts; the server refuses the rest anyway
// (test/integration/visibility.test.ts). Here: what each kind of viewer is shown and offered.
const OLIVIA = { email: 'olivia.park@northwind.example', name: 'Olivia Park' };
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function shownTo(role: Role, customerOver: object) {
  const db = freshDb();
  await signIn(db);
  await db.members.put({ id: ME.userId, email: ME.email, displayName: 'Mia Chen', role, departmentId: null, active: true });
  const customer = localCustomer({ name: 'Northwind', ...customerOver });
  await db.customers.add(customer);
  await db.contacts.add(localContact(customer.id, { name: 'Olivia Park', emails: [OLIVIA.email] }));
  const { root, unmount } = mount(db, <ConversationView context={threadContext(OLIVIA)} person={{ ...OLIVIA, role: 'from' }} />);
  cleanup = unmount;
  await waitFor(() => $(root, '[data-testid="customer-name"]'), 'customer card');
  await waitFor(() => $(root, '[data-testid="section-classification"]'), 'file');
  return { db, root, customer };
}

/** Ticks a checkbox the way a person does (the change event), and lets Preact render. */
async function check(box: HTMLInputElement): Promise<void> {
  box.checked = true;
  box.dispatchEvent(new Event('change', { bubbles: true }));
  await tick();
}

describe('the sidebar offers what the viewer may do', () => {
  it('a colleague it is shared with edits ordinary fields but sees no sensitive section, tax number or owner choice', async () => {
    const { root } = await shownTo('sales_rep', { ownerUserId: '01a20796-0000-7000-8000-0000000000bb', sharedWith: [ME.userId] });
    await waitFor(() => $(root, '[data-testid="access-note"]'), 'shared note');
    expect($(root, '[data-testid="section-sensitive"]')).toBeNull();
    expect($(root, '[data-testid="edit-sharing"]')).toBeNull();
    click($(root, '[data-testid="section-classification"] [data-testid="edit-section"]'));
    await waitFor(() => $(root, 'select[name="customerClass"]'), 'class select');
    expect($(root, 'select[name="ownerUserId"]')).toBeNull();
    click($(root, '[data-testid="section-profile"] [data-testid="edit-section"]'));
    await waitFor(() => $(root, 'input[name="profile.phone"]'), 'profile form');
    expect($(root, 'input[name="taxNumber"]')).toBeNull();
  });

  it('a support lead reads the service history and edits nothing of the file, but may add a note, follow-ups and requests; no visits', async () => {
    const { root } = await shownTo('support_lead', { ownerUserId: '01a20796-0000-7000-8000-0000000000bb' });
    await waitFor(() => $(root, '[data-testid="access-note"]'), 'service note');
    expect(root.querySelectorAll('[data-testid="edit-section"]')).toHaveLength(0);
    expect($(root, '[data-testid="add-contact"]')).toBeNull();
    expect($(root, '[data-testid="edit-contact"]')).toBeNull();
    expect($(root, '[data-testid="add-note"]')).not.toBeNull();
    expect($(root, '[data-testid="service-panel"]')).not.toBeNull();
    expect($(root, '[data-testid="visit-panel"]')).toBeNull();
  });

  it('the owner (a rep) shares and sees the sensitive fields, but cannot give the customer away', async () => {
    const { db, root, customer } = await shownTo('sales_rep', { ownerUserId: ME.userId });
    await db.members.put({ id: '01a20796-0000-7000-8000-0000000000cc', email: 'li@ourco.example', displayName: '李明', role: 'sales_rep', departmentId: null, active: true });
    await waitFor(() => $(root, '[data-testid="section-sensitive"]'), 'sensitive section');
    await waitFor(() => $(root, '[data-testid="visit-panel"]'), 'visit panel');
    click($(root, '[data-testid="section-classification"] [data-testid="edit-section"]'));
    await waitFor(() => $(root, 'select[name="customerClass"]'), 'class select');
    expect($(root, 'select[name="ownerUserId"]')).toBeNull();
    click(await waitFor(() => $(root, '[data-testid="edit-sharing"]'), 'sharing'));
    const box = await waitFor(() => $(root, 'input[name="sharedWith"][value="01a20796-0000-7000-8000-0000000000cc"]') as HTMLInputElement | null, '李明');
    await check(box);
    submit(box);
    await waitFor(() => $(root, '[data-testid="shared-with"]')?.textContent === '李明', 'shared with 李明');
    const [entry] = await db.outbox.toArray();
    expect(entry?.mutation).toMatchObject({ kind: 'customer.update', payload: { id: customer.id, patch: { sharedWith: ['01a20796-0000-7000-8000-0000000000cc'] } } });
  });

  it('a private note is marked private, locally and in what is sent', async () => {
    const { db, root } = await shownTo('sales_rep', { ownerUserId: ME.userId });
    await type($(root, 'textarea[name="note"]'), '只给自己看');
    await check($(root, '[data-testid="note-private"]') as HTMLInputElement);
    submit($(root, 'textarea[name="note"]'));
    for (let i = 0; i < 100 && (await db.outbox.count()) === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    const [entry] = await db.outbox.toArray();
    expect(entry?.mutation).toMatchObject({ kind: 'note.create', payload: { summary: '只给自己看', private: true } });
    await waitFor(() => $(root, '[data-testid="private-badge"]'), 'private badge');
  });
});

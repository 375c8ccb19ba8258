// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { freshDb, localContact, localCustomer } from '../local-db/helpers';
import { $, composeContext, mountApp, signIn, threadContext, waitFor } from './render-sidebar';

const PRIYA = { email: 'priya.nair@lakeside-foods.example', name: 'Priya Nair' };
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function known() {
  const db = freshDb();
  await signIn(db);
  const customer = localCustomer({ name: 'Lakeside Foods', customerClass: 'B' });
  await db.customers.add(customer);
  await db.contacts.add(localContact(customer.id, { name: 'Priya Nair', emails: [PRIYA.email] }));
  return db;
}

/** The test ids the customer view renders, in order: the same component must render the same list. */
const viewIds = (root: HTMLElement) =>
  [...root.querySelectorAll('[data-testid]')]
    .map((el) => el.getAttribute('data-testid'))
    .filter((id) => id !== 'compose-banner' && id !== 'sync-status');

describe('the sidebar for each kind of context', () => {
  it('writing to a customer shows the same customer view as reading their mail', async () => {
    const db = await known();
    const reading = mountApp(db, threadContext(PRIYA));
    await waitFor(() => $(reading.root, '[data-testid="timeline"]'), 'thread view');
    const whileReading = viewIds(reading.root);
    reading.unmount();

    const writing = mountApp(db, composeContext(PRIYA));
    cleanup = writing.unmount;
    await waitFor(() => $(writing.root, '[data-testid="timeline"]'), 'compose view');
    expect($(writing.root, '[data-testid="compose-banner"]')?.textContent).toContain('Priya Nair');
    expect($(writing.root, '[data-testid="customer-name"]')?.textContent).toBe('Lakeside Foods');
    expect(viewIds(writing.root)).toEqual(whileReading);
  });

  it('writing to an unknown address offers to make them a customer', async () => {
    const db = await known();
    ({ unmount: cleanup } = mountApp(db, composeContext({ email: 'new.buyer@newco.example', name: 'New Buyer' })));
    const form = await waitFor(() => $(document.body, '[data-testid="state-unknown-sender"]'), 'create form');
    expect(form.textContent).toContain('new.buyer@newco.example');
  });

  it('a message without a recipient yet, a thread without a customer address, and no conversation', async () => {
    const db = await known();
    let view = mountApp(db, composeContext(null));
    await waitFor(() => $(view.root, '[data-testid="state-no-recipient"]'), 'no recipient state');
    view.unmount();
    view = mountApp(db, { ...threadContext(PRIYA), sender: null });
    await waitFor(() => $(view.root, '[data-testid="state-no-sender"]'), 'no sender state');
    view.unmount();
    view = mountApp(db, { host: 'outlook', kind: 'none', url: 'https://outlook.office.com/mail/inbox', seq: 1 });
    cleanup = view.unmount;
    await waitFor(() => $(view.root, '[data-testid="state-no-thread"]'), 'no thread state');
  });
});

describe('an approved portal page', () => {
  const page = (clues: { kind: 'email' | 'code' | 'taxNumber' | 'name'; value: string }[]) => ({
    host: 'portal' as const,
    kind: 'page' as const,
    url: 'https://support.acme-helpdesk.example/tickets/4711.html',
    seq: 1,
    title: '#4711',
    clues: clues.map((c) => ({ ...c, source: 'rule' as const })),
  });

  it('shows the customer a code names, in the same customer view', async () => {
    const db = await known();
    const customer = await db.customers.toCollection().first();
    await db.customers.put({ ...customer!, code: 'LF-0042', searchKeys: [...customer!.searchKeys, 'lf0042'] });
    ({ unmount: cleanup } = mountApp(db, page([{ kind: 'code', value: 'LF-0042' }])));
    await waitFor(() => $(document.body, '[data-testid="timeline"]'), 'customer view');
    expect($(document.body, '[data-testid="customer-name"]')?.textContent).toBe('Lakeside Foods');
    expect($(document.body, '[data-testid="match-reason"]')?.getAttribute('data-reason')).toBe('code');
  });

  it('lists what the page said, as text, when nothing names a customer', async () => {
    const db = await known();
    ({ unmount: cleanup } = mountApp(db, page([{ kind: 'name', value: '<img src=x onerror=alert(1)>' }])));
    const state = await waitFor(() => $(document.body, '[data-testid="state-page-unknown"]'), 'nothing found');
    expect(state.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(state.querySelector('img')).toBeNull();
  });
});

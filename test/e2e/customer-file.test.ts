import type { Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { pullAll, signInApi, type ApiClient } from '../support/api-client';
import { ExtensionBrowser, SYNC_TIMEOUT, UI_TIMEOUT, assertSidebarHasIndexedDb, gotoThread, sidebar } from '../support/browser';
import { startFixtureServer, type FixtureServer } from '../support/fixture-https-server';
import { gmailFixtureWith } from '../support/gmail-fixture-with';
import { ServerProcess } from '../support/server-process';
import { clickUntilShown, expectCustomer, sidebarSyncStatus, waitForSidebarSync } from '../support/sidebar';

// The customer file as a sales rep uses it: the right customer for a contact's second address
// (plus-tagged, mixed case) with the reason shown; an invalid phone refused with nothing queued;
// an edit made offline synced when the server is back and seen by a colleague; a participant
// added as a contact in one click; an ambiguous domain resolved by a pick that survives a reload.

const PLUS_THREAD = '18f3a2b4c5d6e9a1';
const TWIN_THREAD = '18f3a2b4c5d6e9a2';
const CUSTOMER = 'Northwind International';
const PHONE = '+86 21 5555 0101';

let fixtureCopy: ReturnType<typeof gmailFixtureWith>;
let fixture: FixtureServer;
let server: ServerProcess;
let admin: ApiClient;
let browser: ExtensionBrowser;
let page: Page;
/** A browser whose sidebar has no IndexedDB: the file runs through the background (remote-data). */
let fallback: ExtensionBrowser | undefined;
let colleague: { email: string; code: string };
/** The colleague on the API, signed in once (the code is single use). */
let colleagueApi: ApiClient;
const ids = { customer: uuidv7(), olivia: uuidv7(), east: uuidv7(), west: uuidv7() };

const frame = (p: Page) => sidebar(p);
const section = (p: Page, id: string) => frame(p).locator(`[data-testid="section-${id}"]`);

beforeAll(async () => {
  fixtureCopy = gmailFixtureWith([
    {
      id: PLUS_THREAD,
      subject: 'Order confirmation Q2',
      from: { email: 'Olivia.Park+Orders@Northwind-Intl.example', name: 'Olivia Park' },
      cc: [{ email: 'ken.ito@northwind-intl.example', name: 'Ken Ito' }],
    },
    { id: TWIN_THREAD, subject: 'Steel coil quote', from: { email: 'buyer@twin-steel.example', name: 'Purchasing' } },
  ]);
  fixture = await startFixtureServer({ root: fixtureCopy.root });
  server = await ServerProcess.start();
  expect(server.admin, `server printed no admin sign-in code:\n${server.log}`).not.toBeNull();
  ({ client: admin } = await signInApi(server.url, server.admin!.email, server.admin!.code));
  // The colleague is the rep's manager (managers see their department's customers); the
  // customers the admin arranges belong to the rep.
  const sales = (await admin.departments.create.mutate({ name: 'Key accounts' })).id;
  const invite = async (email: string, displayName: string, role: 'sales_rep' | 'manager') => {
    const { code, userId } = await admin.users.invite.mutate({ email, displayName, role, departmentId: sales });
    return { email, code, userId };
  };
  const rep = await invite('rep.file@e2e.example', 'File Rep', 'sales_rep');
  colleague = await invite('colleague.file@e2e.example', 'Colleague', 'manager');
  const create = (payload: object, kind: 'customer.create' | 'contact.create') => ({ id: uuidv7(), kind, baseVersion: null, payload });
  const owned = { ownerUserId: rep.userId };
  const pushed = await admin.sync.push.mutate({
    mutations: [
      // No email domain: only the contact's address can lead to this customer.
      create({ id: ids.customer, name: CUSTOMER, customerClass: 'B', emailDomains: [], ...owned }, 'customer.create'),
      create(
        { id: ids.olivia, customerId: ids.customer, name: 'Olivia Park', emails: ['o.park@northwind-old.example', 'olivia.park@northwind-intl.example'] },
        'contact.create',
      ),
      create({ id: ids.east, name: 'Twin Steel East', emailDomains: ['twin-steel.example'], ...owned }, 'customer.create'),
      create({ id: ids.west, name: 'Twin Steel West', emailDomains: ['twin-steel.example'], ...owned }, 'customer.create'),
    ] as never,
  });
  expect(pushed.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
  browser = await ExtensionBrowser.launch({ fixture });
  await browser.signIn(server.url, rep.email, rep.code);
  await browser.syncNow();
});

afterAll(async () => {
  await fallback?.close();
  await browser?.close();
  await server?.dispose();
  await fixture?.close();
  fixtureCopy?.cleanup();
});

test("a mail from a contact's second address (plus-tagged, mixed case) shows the right customer, matched by contact", async () => {
  page = await browser.openGmail(`inbox/${PLUS_THREAD}`);
  await assertSidebarHasIndexedDb(page);
  await expectCustomer(page, CUSTOMER);
  await frame(page).locator('[data-testid="match-reason"][data-reason="contact"]').waitFor({ timeout: UI_TIMEOUT });
  await frame(page).locator('[data-testid="contact-name"]', { hasText: 'Olivia Park' }).waitFor({ timeout: UI_TIMEOUT });
});

test('an invalid phone is shown next to the field and nothing is queued', async () => {
  const profile = section(page, 'profile');
  await profile.locator('[data-testid="edit-section"]').click({ timeout: UI_TIMEOUT });
  await profile.locator('input[name="profile.phone"]').fill('call me <maybe>');
  await profile.locator('[data-testid="save-section"]').click();
  await profile.locator('[data-testid="field-error"][data-field="profile.phone"]', { hasText: /phone number/i }).waitFor({ timeout: UI_TIMEOUT });
  expect((await sidebarSyncStatus(page)).pending).toBe(0);
  await profile.locator('[data-testid="cancel-section"]').click();
  expect((await sidebarSyncStatus(page)).pending).toBe(0);
});

test('offline, a profile edit shows at once and waits; back online it syncs and a colleague sees it', async () => {
  await server.stop();
  await page.bringToFront();
  const profile = section(page, 'profile');
  await profile.locator('[data-testid="edit-section"]').click({ timeout: UI_TIMEOUT });
  await profile.locator('input[name="profile.phone"]').fill(PHONE);
  await profile.locator('[data-testid="save-section"]').click();
  await profile.locator('[data-field="profile.phone"]', { hasText: PHONE }).waitFor({ timeout: UI_TIMEOUT });
  await waitForSidebarSync(page, (s) => s.pending >= 1, 'the edit waits in the outbox');
  expect(await browser.syncNow(['offline', 'error'])).toBe('offline');

  await server.restart();
  await browser.syncNow(['idle']);
  await waitForSidebarSync(page, (s) => s.pending === 0 && s.state === 'idle', 'the outbox drained');
  await profile.locator('[data-field="profile.phone"]', { hasText: PHONE }).waitFor({ timeout: UI_TIMEOUT });

  ({ client: colleagueApi } = await signInApi(server.url, colleague.email, colleague.code));
  const seen = await colleagueApi.customers.get.query({ id: ids.customer });
  expect(seen.profile.phone).toBe(PHONE);
  expect(seen.name).toBe(CUSTOMER);
});

test('another participant of the thread becomes a contact in one click', async () => {
  const participant = frame(page).locator('[data-testid="participant"][data-email="ken.ito@northwind-intl.example"]');
  await participant.locator('[data-testid="add-participant"]').click({ timeout: UI_TIMEOUT });
  await frame(page).locator('[data-testid="contacts"] [data-testid="contact-item-name"]', { hasText: 'Ken Ito' }).waitFor({ timeout: UI_TIMEOUT });
  await participant.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
  await browser.syncNow(['idle']);
  await waitForSidebarSync(page, (s) => s.pending === 0, 'the new contact synced');
  const scope = await pullAll(colleagueApi);
  const ken = scope.contacts.find((c) => c.customerId === ids.customer && c.name === 'Ken Ito');
  expect(ken?.emails).toEqual(['ken.ito@northwind-intl.example']);
});

test('an ambiguous domain asks which customer; the pick is remembered after a reload', async () => {
  await page.bringToFront();
  await gotoThread(page, `inbox/${TWIN_THREAD}`);
  const picker = frame(page).locator('[data-testid="match-picker"]');
  await picker.waitFor({ timeout: UI_TIMEOUT });
  await expect.poll(() => picker.locator('[data-testid="match-candidate"]').count(), { timeout: UI_TIMEOUT }).toBe(2);
  await picker.locator(`[data-customer-id="${ids.west}"] [data-testid="pick-customer"]`).click();
  await expectCustomer(page, 'Twin Steel West');
  await browser.syncNow(['idle']);
  await waitForSidebarSync(page, (s) => s.pending === 0, 'the choice synced');

  await page.reload();
  await expectCustomer(page, 'Twin Steel West', SYNC_TIMEOUT);
  expect(await frame(page).locator('[data-testid="match-picker"]').count()).toBe(0);
  // Switching re-opens the picker.
  await clickUntilShown(frame(page).locator('[data-testid="switch-customer"]'), picker);
  await frame(page).locator(`[data-testid="match-picker"] [data-customer-id="${ids.east}"] [data-testid="pick-customer"]`).click({ timeout: UI_TIMEOUT });
  await expectCustomer(page, 'Twin Steel East');
});

test('without IndexedDB in the sidebar, the file is edited through the background with the same field messages', async () => {
  const user = { email: 'fallback.file@e2e.example', code: '' };
  const invited = await admin.users.invite.mutate({ email: user.email, displayName: 'Fallback', role: 'sales_rep' });
  user.code = invited.code;
  // A rep of no department sees the customer because it is shared with them.
  const share = { id: uuidv7(), kind: 'customer.update', baseVersion: null, payload: { id: ids.customer, patch: { sharedWith: [invited.userId] } } };
  expect((await admin.sync.push.mutate({ mutations: [share] as never })).results[0]?.status).toBe('applied');
  fallback = await ExtensionBrowser.launch({ fixture, withoutIframeStorage: true });
  await fallback.signIn(server.url, user.email, user.code);
  await fallback.syncNow(['idle']);
  const p = await fallback.openGmail(`inbox/${PLUS_THREAD}`);
  await frame(p).locator('[data-storage="remote"]').waitFor({ state: 'attached', timeout: UI_TIMEOUT });
  await expectCustomer(p, CUSTOMER, SYNC_TIMEOUT);
  const classification = section(p, 'classification');
  await classification.locator('[data-testid="edit-section"]').click({ timeout: UI_TIMEOUT });
  await classification.locator('input[name="keyAccountScore"]').fill('12');
  await classification.locator('[data-testid="save-section"]').click();
  await classification.locator('[data-testid="field-error"][data-field="keyAccountScore"]').waitFor({ timeout: UI_TIMEOUT });
  expect((await sidebarSyncStatus(p)).pending).toBe(0);
  await classification.locator('input[name="keyAccountScore"]').fill('7');
  await classification.locator('select[name="valueTier"]').selectOption('strategic');
  await classification.locator('[data-testid="save-section"]').click();
  await classification.locator('[data-field="valueTier"]', { hasText: 'Strategic' }).waitFor({ timeout: UI_TIMEOUT });
  await fallback.syncNow(['idle']);
  await waitForSidebarSync(p, (s) => s.pending === 0, 'the fallback edit synced');
  const seen = await colleagueApi.customers.get.query({ id: ids.customer });
  expect(seen).toMatchObject({ keyAccountScore: 7, valueTier: 'strategic', profile: { phone: PHONE } });
});

import type { Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { pullAll, type ApiClient } from '../support/api-client';
import { ExtensionBrowser, SYNC_TIMEOUT, UI_TIMEOUT, assertSidebarHasIndexedDb } from '../support/browser';
import { startE2eWorld, type E2eWorld } from '../support/e2e-world';
import type { FixtureServer } from '../support/fixture-https-server';
import { gmailThreads, type FixtureThread } from '../support/gmail-fixture';
import type { ServerProcess } from '../support/server-process';
import {
  addNote,
  createCustomerFromSender,
  expectCustomer,
  expectState,
  expectTimelineCount,
  sidebarSyncStatus,
  timelineItems,
  waitForSidebarSync,
} from '../support/sidebar';

// Work done while the server is down shows at once, survives in the outbox, reaches the server
// exactly once when it is back, and then reaches a colleague's browser.

const CUSTOMER = 'Offline Outfitters';
const NOTES = ['Called about the Q3 order (offline)', '电话回访：客户满意 (offline)'];

let world: E2eWorld;
let fixture: FixtureServer;
let server: ServerProcess;
let admin: ApiClient;
let rep: { email: string; code: string };
let colleague: { email: string; code: string };
let browser: ExtensionBrowser;
let second: ExtensionBrowser | undefined;
let page: Page;
let thread: FixtureThread;

beforeAll(async () => {
  [thread] = gmailThreads().distinctSenders(1) as [FixtureThread];
  world = await startE2eWorld();
  ({ fixture, server, admin } = world);
  // The colleague is the rep's manager: managers see their department's customers.
  const sales = await world.department('华东销售部');
  rep = await world.invite('rep.offline@e2e.example', '李明 Rep', 'sales_rep', sales);
  colleague = await world.invite('colleague.offline@e2e.example', 'Colleague', 'manager', sales);
  browser = await ExtensionBrowser.launch({ fixture });
});

afterAll(async () => {
  await second?.close();
  await browser?.close();
  await world?.dispose();
});

test('signed in and synced while the server is up', async () => {
  await browser.signIn(server.url, rep.email, rep.code);
  await browser.syncNow();
  page = await browser.openGmail(thread.hash);
  await assertSidebarHasIndexedDb(page);
  await expectState(page, 'unknown-sender', thread.senderEmail);
});

test('with the server stopped, a new customer and two notes show at once', async () => {
  await server.stop();
  await page.bringToFront();
  await createCustomerFromSender(page, { customerName: CUSTOMER, contactName: thread.senderName });
  for (const note of NOTES) await addNote(page, note);
  await expectTimelineCount(page, 2);
  // The outbox holds the changes: customer + contact + 2 notes (at least the notes).
  const status = await waitForSidebarSync(page, (s) => s.pending >= 2, 'sidebar sync-status shows pending changes');
  expect(status.state).not.toBe('signed-out');
  // A sync attempt against the stopped server reports offline (or error), never idle.
  const state = await browser.syncNow(['offline', 'error']);
  expect(state).toBe('offline');
  expect((await sidebarSyncStatus(page)).pending).toBeGreaterThanOrEqual(2);
});

test('the service worker is stopped meanwhile: the outbox lives in IndexedDB, not in its memory', async () => {
  await browser.stopServiceWorker();
  expect((await sidebarSyncStatus(page)).pending).toBeGreaterThanOrEqual(2);
});

test('the server is back: the outbox drains, and the server has everything exactly once', async () => {
  await server.restart();
  await browser.syncNow(['idle']);
  await waitForSidebarSync(page, (s) => s.pending === 0 && s.state === 'idle', 'sidebar outbox drained');
  // A second sync must not apply anything twice.
  await browser.syncNow(['idle']);

  const scope = await pullAll(admin);
  const customers = scope.customers.filter((c) => c.name === CUSTOMER);
  expect(customers).toHaveLength(1);
  const customerId = customers[0]!.id;
  const notes = scope.timelineItems.filter((t) => t.customerId === customerId && t.kind === 'note');
  expect(notes.map((n) => n.summary).sort()).toEqual([...NOTES].sort());
  const contacts = scope.contacts.filter((c) => c.customerId === customerId);
  expect(contacts).toHaveLength(1);
  expect(contacts[0]!.emails).toContain(thread.senderEmail.toLowerCase());
  const direct = await admin.customers.get.query({ id: String(customerId) });
  expect(direct).toMatchObject({ id: customerId, name: CUSTOMER });

  // The sidebar still shows the same customer with the two notes (the pull did not duplicate them).
  await expectCustomer(page, CUSTOMER);
  await expectTimelineCount(page, 2);
});

test("a colleague's browser sees the customer and both notes after its pull", async () => {
  second = await ExtensionBrowser.launch({ fixture });
  await second.signIn(server.url, colleague.email, colleague.code);
  await second.syncNow(['idle']);
  const colleaguePage = await second.openGmail(thread.hash);
  await assertSidebarHasIndexedDb(colleaguePage);
  await expectCustomer(colleaguePage, CUSTOMER, SYNC_TIMEOUT);
  await expectTimelineCount(colleaguePage, 2);
  for (const note of NOTES) {
    await timelineItems(colleaguePage).filter({ hasText: note }).first().waitFor({ timeout: SYNC_TIMEOUT });
  }
});

test('a note on a customer someone else deleted is refused, stays visible with the reason, and can be dismissed', async () => {
  const scope = await pullAll(admin);
  const customerId = String(scope.customers.find((c) => c.name === CUSTOMER)!.id);
  // The admin deletes the customer; the rep's replica has not pulled that yet when the note is made.
  await admin.sync.push.mutate({
    mutations: [{ id: uuidv7(), kind: 'customer.delete', baseVersion: null, payload: { id: customerId } }],
  });
  await page.bringToFront();
  await expectCustomer(page, CUSTOMER);
  const frame = page.frameLocator('iframe[data-inbox-crm="sidebar"]');
  // Not addNote(): that waits to see the note on the timeline, but the sync the note starts may
  // already have pulled the deletion and taken the customer (and the note) off the sidebar by
  // then (seen on a loaded machine). The refusal below is what this scenario is about.
  await frame.locator('textarea[name=note]').fill('Too late: this customer is gone', { timeout: UI_TIMEOUT });
  await frame.locator('button[data-testid=add-note]').click();

  const rejected = frame.locator('[data-testid="rejected-change"]');
  await rejected.filter({ hasText: 'Too late: this customer is gone' }).waitFor({ timeout: SYNC_TIMEOUT });
  await rejected.filter({ hasText: /deleted/i }).waitFor({ timeout: SYNC_TIMEOUT });
  // The pull after the push removed the customer: the sidebar no longer shows it.
  await expectState(page, 'unknown-sender', thread.senderEmail);

  await rejected.locator('button[data-testid="dismiss-rejected"]').click({ timeout: SYNC_TIMEOUT });
  await rejected.waitFor({ state: 'detached', timeout: SYNC_TIMEOUT });
  expect((await sidebarSyncStatus(page)).pending).toBe(0);
});

import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  ExtensionBrowser,
  SIDEBAR_IFRAME,
  UI_TIMEOUT,
  assertSidebarHasIndexedDb,
  gotoThread,
  sidebar,
} from '../support/browser';
import { startFixtureServer, type FixtureServer } from '../support/fixture-https-server';
import { gmailThreads, type FixtureThread } from '../support/gmail-fixture';
import { ServerProcess } from '../support/server-process';
import { createCustomerFromSender, customerCardCount, expectCustomer, expectState } from '../support/sidebar';
import type { Page } from 'playwright-core';
import { waitUntil } from '../support/wait';
import { apiClient } from '../support/api-client';

// A person reading mail: the sidebar shows the sender's customer, follows every SPA navigation
// (other thread, back, list, a page it cannot read) and never keeps showing a stale customer.

let fixture: FixtureServer;
let server: ServerProcess;
let browser: ExtensionBrowser;
let page: Page;
let threads: ReturnType<typeof gmailThreads>;
let first: FixtureThread;
let second: FixtureThread;

beforeAll(async () => {
  threads = gmailThreads();
  [first, second] = threads.distinctSenders(2) as [FixtureThread, FixtureThread];
  fixture = await startFixtureServer();
  server = await ServerProcess.start();
  browser = await ExtensionBrowser.launch({ fixture });
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
  await fixture?.close();
});

test('the sidebar iframe opens on Gmail and can open IndexedDB; signed out it says so', async () => {
  page = await browser.openGmail(threads.listHash);
  await assertSidebarHasIndexedDb(page);
  await expectState(page, 'signed-out');
});

test('the admin signs in with the code the server printed', async () => {
  expect(server.admin, `server printed no admin sign-in code:\n${server.log}`).not.toBeNull();
  await browser.signIn(server.url, server.admin!.email, server.admin!.code);
  await browser.syncNow();
});

test('an unknown sender can be made a customer from the thread', async () => {
  await page.bringToFront();
  await gotoThread(page, first.hash);
  await expectState(page, 'unknown-sender', first.senderEmail);
  await createCustomerFromSender(page, { customerName: 'Northwind Trading', contactName: first.senderName });
  // The creator owns it; the owner's name comes from the replicated member list.
  await sidebar(page).locator('[data-testid="customer-owner"]', { hasText: 'Admin' }).waitFor({ timeout: UI_TIMEOUT });
  await sidebar(page).locator('[data-testid="contact-name"]', { hasText: first.senderName }).waitFor({ timeout: UI_TIMEOUT });
});

test('another thread from a different sender: the sidebar follows', async () => {
  await gotoThread(page, second.hash);
  await expectState(page, 'unknown-sender', second.senderEmail);
  expect(await customerCardCount(page)).toBe(0);
});

test('back: the first customer again, matched by the contact', async () => {
  await page.goBack();
  await expectCustomer(page, 'Northwind Trading');
  await sidebar(page).locator('[data-testid="match-reason"][data-reason="contact"]').waitFor({ timeout: UI_TIMEOUT });
});

test("a colleague of the customer's contact (same company domain) matches by domain", async () => {
  const sameDomain = threads.all.find(
    (t) => t.senderEmail !== first.senderEmail && t.senderEmail.split('@')[1] === first.senderEmail.split('@')[1],
  );
  if (!sameDomain) return; // the fixture has none (it has one today: daniel.kim@northwind.example)
  await gotoThread(page, sameDomain.hash);
  await expectCustomer(page, 'Northwind Trading');
  await sidebar(page).locator('[data-testid="match-reason"][data-reason="domain"]').waitFor({ timeout: UI_TIMEOUT });
});

test('a Chinese sender and subject work', async () => {
  const chinese = threads.chinese;
  await gotoThread(page, chinese.hash);
  await expectState(page, 'unknown-sender', chinese.senderEmail);
  await createCustomerFromSender(page, { customerName: '上海华东贸易有限公司', contactName: chinese.senderName });
  await gotoThread(page, first.hash);
  await expectCustomer(page, 'Northwind Trading');
  await gotoThread(page, chinese.hash);
  await expectCustomer(page, '上海华东贸易有限公司');
});

test('the list view shows that no thread is open', async () => {
  await gotoThread(page, first.hash);
  await expectCustomer(page, 'Northwind Trading');
  await gotoThread(page, threads.listHash);
  await expectState(page, 'no-thread');
  expect(await customerCardCount(page)).toBe(0);
});

test('a thread the adapter cannot read says so instead of showing the previous customer', async () => {
  await gotoThread(page, first.hash);
  await expectCustomer(page, 'Northwind Trading');
  await gotoThread(page, threads.broken.hash);
  await expectState(page, 'unreadable');
  expect(await customerCardCount(page)).toBe(0);
});

test('the page navigating the iframe away or removing the sidebar: it comes back', async () => {
  await gotoThread(page, first.hash);
  await expectCustomer(page, 'Northwind Trading');
  // 1. The page points the iframe elsewhere: the content script must load its page again.
  // Playwright 1.65 loses track of an out-of-process frame that goes to about:blank and back
  // (it keeps reporting about:blank / "Target closed" while the sidebar is visibly back), so
  // this step is checked from the page and the extension's side, not through the Frame.
  await page.evaluate((selector) => {
    document.querySelector<HTMLIFrameElement>(selector)!.src = 'about:blank';
  }, SIDEBAR_IFRAME);
  await waitUntil(
    () => page.evaluate((selector) => document.querySelector<HTMLIFrameElement>(selector)?.src ?? '', SIDEBAR_IFRAME),
    (src) => src.startsWith('chrome-extension://') && src.endsWith('/sidebar.html'),
    { timeout: UI_TIMEOUT, message: 'the content script did not point the iframe back at the sidebar' },
  );
  await waitUntil(
    () => browser.extensionContexts(),
    (contexts) => contexts.some((c) => c.frameId > 0 && c.documentUrl.endsWith('/sidebar.html')),
    { timeout: UI_TIMEOUT, message: 'no sidebar.html frame is loaded in the tab after the page navigated it away' },
  );
  // 2. The page removes the sidebar's outermost element: it is mounted again (a new frame, which
  // Playwright tracks), and shows the customer again.
  await page.evaluate((selector) => {
    let el: Element | null = document.querySelector(selector);
    while (el?.parentElement && el.parentElement !== document.body) el = el.parentElement;
    el?.remove();
  }, SIDEBAR_IFRAME);
  await expectCustomer(page, 'Northwind Trading');
  await assertSidebarHasIndexedDb(page);
});

test('the page removing just the iframe element: it comes back', async () => {
  // On a page of its own, so a failure here cannot cascade into the scenarios above.
  const other = await browser.openGmail(first.hash);
  await expectCustomer(other, 'Northwind Trading');
  await other.evaluate((selector) => document.querySelector(selector)?.remove(), SIDEBAR_IFRAME);
  await gotoThread(other, second.hash);
  await expectState(other, 'unknown-sender', second.senderEmail);
  await other.close();
});

test('signing out wipes the replica and the token, and the server no longer accepts that token', async () => {
  const options = await browser.openOptions();
  // Read the token the way only an extension page can (the page and content scripts cannot).
  const readReplica = () =>
    options.evaluate(
      () =>
        new Promise<{ token: string | null; customers: number }>((resolve, reject) => {
          const open = indexedDB.open('inbox-crm');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction(['meta', 'customers'], 'readonly');
            const connection = tx.objectStore('meta').get('connection');
            const customers = tx.objectStore('customers').count();
            tx.oncomplete = () => {
              const value = connection.result?.value as { token?: string | null } | undefined;
              resolve({ token: value?.token ?? null, customers: customers.result });
              open.result.close();
            };
          };
        }),
    );
  const before = await readReplica();
  expect(before.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  expect(before.customers).toBeGreaterThan(0);

  await options.locator('button[data-testid=sign-out]').click({ timeout: UI_TIMEOUT });
  await options.locator('[data-testid=sync-status][data-state="signed-out"]').waitFor({ timeout: UI_TIMEOUT });
  await expectState(page, 'signed-out');
  const after = await readReplica();
  expect(after).toEqual({ token: null, customers: 0 });

  const revoked = apiClient(server.url, before.token!);
  await expect(revoked.auth.me.query()).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED' } });
});

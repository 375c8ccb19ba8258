import type { Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ApiClient } from '../support/api-client';
import {
  ExtensionBrowser,
  SIDEBAR_IFRAME,
  UI_TIMEOUT,
  assertSidebarHasIndexedDb,
  gotoThread,
  sidebar,
  sidebarFrame,
} from '../support/browser';
import { startE2eWorld, type E2eWorld } from '../support/e2e-world';
import { gmailThreads, type FixtureThread } from '../support/gmail-fixture';
import { createCustomerFromSender, expectState } from '../support/sidebar';

// Search by pinyin: a customer and contact created through the API reach the extension by sync
// and are found from the sidebar and the popup by pinyin, initials and characters. The pinyin
// dictionary is keyed in by the worker and stays out of the sidebar until the sidebar writes a row.

const GROUP = '上海宝钢集团';
const PERSON = '张伟';

let world: E2eWorld;
let admin: ApiClient;
let browser: ExtensionBrowser;
let noStorage: ExtensionBrowser | undefined;
let page: Page;
let threads: ReturnType<typeof gmailThreads>;
let unknownThread: FixtureThread;

const input = (p: Page) => sidebar(p).locator('[data-testid="search-input"]');
/** The results once they answer exactly this typed text (the list carries its query). */
const resultsFor = (p: Page, typed: string) =>
  sidebar(p).locator(`[data-testid="search-results"][data-query="${typed}"] [data-testid="search-result"]`);

async function typeSearch(p: Page, typed: string): Promise<void> {
  await input(p).fill('', { timeout: UI_TIMEOUT });
  await input(p).pressSequentially(typed, { delay: 30 });
  await resultsFor(p, typed).first().waitFor({ timeout: UI_TIMEOUT });
}

/**
 * Script files parsed in the sidebar frame, from the DevTools protocol (Debugger.enable reports
 * every script already loaded; Resource Timing leaves chrome-extension:// modules out).
 */
async function sidebarScripts(p: Page): Promise<string[]> {
  const cdp = await browser.context.newCDPSession(await sidebarFrame(p));
  const urls: string[] = [];
  cdp.on('Debugger.scriptParsed', (e) => urls.push(e.url));
  try {
    await cdp.send('Debugger.enable');
  } finally {
    await cdp.send('Debugger.disable').catch(() => undefined);
    await cdp.detach();
  }
  return urls.filter((u) => u.startsWith('chrome-extension://'));
}
const hasPinyin = (scripts: string[]) => scripts.some((s) => s.includes('pinyin'));

let noStorageRep: { email: string; code: string; userId: string };

beforeAll(async () => {
  threads = gmailThreads();
  [unknownThread] = threads.distinctSenders(1) as [FixtureThread];
  world = await startE2eWorld();
  admin = world.admin;
  const groupId = uuidv7();
  const otherId = uuidv7();
  // Ownerless customers the admin shares with the two reps (reps see their own and shared ones).
  const rep = await world.invite('rep.search@e2e.example', 'Search Rep', 'sales_rep');
  noStorageRep = await world.invite('rep.search.nostorage@e2e.example', 'No Storage Rep', 'sales_rep');
  const sharedWith = [rep.userId, noStorageRep.userId];
  const pushed = await admin.sync.push.mutate({
    mutations: [
      { id: uuidv7(), kind: 'customer.create', baseVersion: null, payload: { id: groupId, name: GROUP, emailDomains: ['baosteel.example'], sharedWith } },
      {
        id: uuidv7(),
        kind: 'contact.create',
        baseVersion: null,
        payload: { id: uuidv7(), customerId: groupId, name: PERSON, emails: ['wei.zhang@baosteel.example'] },
      },
      { id: uuidv7(), kind: 'customer.create', baseVersion: null, payload: { id: otherId, name: 'Zwick Roell Ltd', emailDomains: [], sharedWith } },
      {
        id: uuidv7(),
        kind: 'contact.create',
        baseVersion: null,
        payload: { id: uuidv7(), customerId: otherId, name: 'Olivia Park', emails: ['olivia@zwick.example'] },
      },
    ],
  });
  expect(pushed.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
  browser = await ExtensionBrowser.launch({ fixture: world.fixture });
  await browser.signIn(world.server.url, rep.email, rep.code);
  await browser.syncNow();
});

afterAll(async () => {
  await noStorage?.close();
  await browser?.close();
  await world?.dispose();
});

test('typing "zw" in the sidebar finds 张伟 with the customer; a name prefix ranks first', async () => {
  page = await browser.openGmail(threads.listHash);
  await assertSidebarHasIndexedDb(page);
  await expectState(page, 'no-thread');
  await typeSearch(page, 'zw');
  const hits = resultsFor(page, 'zw');
  // "Zwick…" starts with the text itself; 张伟 is found by initials.
  expect(await hits.count()).toBe(2);
  await expect.poll(() => hits.nth(0).getAttribute('data-kind')).toBe('customer');
  expect(await hits.nth(0).locator('[data-testid="search-result-customer"]').innerText()).toBe('Zwick Roell Ltd');
  expect(await hits.nth(1).getAttribute('data-kind')).toBe('contact');
  expect(await hits.nth(1).locator('[data-testid="search-result-customer"]').innerText()).toBe(GROUP);
  expect(await hits.nth(1).locator('[data-testid="search-result-contact"]').innerText()).toContain(PERSON);
});

test('"baogang", "zhang wei" and "伟" find them too; nonsense says there are no results', async () => {
  await typeSearch(page, 'baogang');
  expect(await resultsFor(page, 'baogang').first().locator('[data-testid="search-result-customer"]').innerText()).toBe(GROUP);
  await typeSearch(page, 'zhang wei');
  expect(await resultsFor(page, 'zhang wei').first().locator('[data-testid="search-result-contact"]').innerText()).toContain(PERSON);
  await typeSearch(page, '伟');
  expect(await resultsFor(page, '伟').count()).toBe(1);
  await input(page).fill('qqqxxx');
  await sidebar(page).locator('[data-testid="search-status"][data-state="none"][data-query="qqqxxx"]').waitFor({ timeout: UI_TIMEOUT });
});

test('the sidebar never loaded the pinyin dictionary to search (the worker keyed the rows)', async () => {
  const scripts = await sidebarScripts(page);
  expect(scripts.some((s) => s.includes('/chunks/sidebar-'))).toBe(true); // the list is real
  expect(hasPinyin(scripts)).toBe(false);
});

test('Enter opens the first result in the sidebar; back returns to the conversation', async () => {
  await typeSearch(page, 'baogang');
  await input(page).press('Enter');
  await sidebar(page).locator('[data-testid="selected-customer-name"]', { hasText: GROUP }).waitFor({ timeout: UI_TIMEOUT });
  // Its contacts are shown with it.
  await sidebar(page).locator('[data-testid="contacts"]', { hasText: PERSON }).waitFor({ timeout: UI_TIMEOUT });
  expect(await input(page).inputValue()).toBe('');
  await sidebar(page).locator('[data-testid="search-back"]').click();
  await expectState(page, 'no-thread');
});

test('arrow keys move through the results; clicking one opens it', async () => {
  await typeSearch(page, 'zw');
  await input(page).press('ArrowDown');
  await expect.poll(() => resultsFor(page, 'zw').nth(1).getAttribute('aria-selected')).toBe('true');
  await input(page).press('Enter');
  await sidebar(page).locator('[data-testid="selected-customer-name"]', { hasText: GROUP }).waitFor({ timeout: UI_TIMEOUT });
  await typeSearch(page, 'zwick');
  await resultsFor(page, 'zwick').first().click();
  await sidebar(page).locator('[data-testid="selected-customer-name"]', { hasText: 'Zwick Roell Ltd' }).waitFor({ timeout: UI_TIMEOUT });
  // Opening a conversation shows its own customer again.
  await gotoThread(page, unknownThread.hash);
  await expectState(page, 'unknown-sender', unknownThread.senderEmail);
});

test('a customer created in the sidebar with Chinese names is found by pinyin (dictionary loaded on demand)', async () => {
  await createCustomerFromSender(page, { customerName: '北京华信科技', contactName: '王芳' });
  // The write loaded the dictionary chunk before its transaction: the page keyed the rows itself.
  expect(hasPinyin(await sidebarScripts(page))).toBe(true);
  await typeSearch(page, 'wangfang');
  expect(await resultsFor(page, 'wangfang').first().locator('[data-testid="search-result-customer"]').innerText()).toBe('北京华信科技');
  await typeSearch(page, 'bjhx');
  expect(await resultsFor(page, 'bjhx').first().getAttribute('data-kind')).toBe('customer');
});

test('the popup searches the same replica and shows class, owner and the matching contact', async () => {
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  const box = popup.locator('[data-testid="search-input"]');
  await box.pressSequentially('zhangwei', { delay: 30, timeout: UI_TIMEOUT });
  const hit = popup.locator('[data-testid="search-results"][data-query="zhangwei"] [data-testid="search-result"]').first();
  await hit.waitFor({ timeout: UI_TIMEOUT });
  expect(await hit.locator('[data-testid="search-result-customer"]').innerText()).toBe(GROUP);
  expect(await hit.locator('[data-testid="search-result-contact"]').innerText()).toContain('wei.zhang@baosteel.example');
  expect(await hit.innerText()).toMatch(/Unassigned|未分配/);
  await popup.close();
});

test('a sidebar without IndexedDB searches through the background', async () => {
  noStorage = await ExtensionBrowser.launch({ fixture: world.fixture, withoutIframeStorage: true });
  await noStorage.signIn(world.server.url, noStorageRep.email, noStorageRep.code);
  await noStorage.syncNow();
  const remotePage = await noStorage.openGmail(threads.listHash);
  await remotePage.frameLocator(SIDEBAR_IFRAME).locator('[data-storage="remote"]').waitFor({ state: 'attached', timeout: UI_TIMEOUT });
  await typeSearch(remotePage, 'zw');
  expect(await resultsFor(remotePage, 'zw').nth(1).locator('[data-testid="search-result-contact"]').innerText()).toContain(PERSON);
});

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ExtensionBrowser, GMAIL_ORIGIN, UI_TIMEOUT, assertSidebarHasIndexedDb, gotoThread, sidebar } from '../support/browser';
import { startE2eWorld, type E2eWorld } from '../support/e2e-world';
import { createCustomerFromSender, customerCardCount, expectCustomer, expectState, testId } from '../support/sidebar';

// Gmail as people really use it: several signed-in and delegated accounts, conversation view off,
// the split view, a colleague answering the customer, label and search views, and writing mail —
// all under Gmail's strict CSP and Trusted Types, with no violation raised.

const OLIVIA = 'olivia.park@northwind.example';
let world: E2eWorld;
let browser: ExtensionBrowser;
let page: Page;

/** Records CSP / Trusted Types violations in the page (Playwright's init script is not subject to CSP). */
async function openWatched(url: string): Promise<Page> {
  const p = await browser.context.newPage();
  await p.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await p.goto(url);
  await p.locator('iframe[data-inbox-crm="sidebar"]').waitFor({ state: 'attached', timeout: UI_TIMEOUT });
  return p;
}
const violations = (p: Page) => p.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

beforeAll(async () => {
  world = await startE2eWorld();
  browser = await world.browserOf('gmail.rep@ourco.example', 'Gmail Rep');
});

afterAll(async () => {
  await world?.dispose();
});

test('the second signed-in account (/mail/u/1/) works, under strict CSP and Trusted Types', async () => {
  page = await openWatched(`${GMAIL_ORIGIN}/mail/u/1/#inbox/18f3a2b4c5d6e7f1`);
  await assertSidebarHasIndexedDb(page);
  await expectState(page, 'unknown-sender', OLIVIA);
  await createCustomerFromSender(page, { customerName: 'Northwind Trading', contactName: 'Olivia Park' });
  expect(await violations(page)).toEqual([]);
});

test('a delegated mailbox (/mail/b/<id>/u/0/) shows the same customer', async () => {
  const delegated = await openWatched(`${GMAIL_ORIGIN}/mail/b/143/u/0/#inbox/18f3a2b4c5d6e7f1`);
  await expectCustomer(delegated, 'Northwind Trading');
  await delegated.close();
});

test('a colleague answered the customer: the customer side is shown, not the colleague', async () => {
  await gotoThread(page, 'inbox/18f3a2b4c5d6e7f8');
  await expectState(page, 'unknown-sender', 'sophie.laurent@vins-laurent.example');
});

test('conversation view off: the URL names a message, the sidebar shows its sender', async () => {
  await gotoThread(page, 'inbox/18f3a2b4c5d6e7c2');
  await expectState(page, 'unknown-sender', 'tom.becker@alpen-technik.example');
});

test('label and search views with no thread open show the no-conversation state', async () => {
  await gotoThread(page, 'label/Customers');
  await expectState(page, 'no-thread');
  await gotoThread(page, 'inbox/18f3a2b4c5d6e7f1');
  await expectCustomer(page, 'Northwind Trading');
  await gotoThread(page, 'search/steel+price');
  await expectState(page, 'no-thread');
  expect(await customerCardCount(page)).toBe(0);
});

test('split view: a click opens the thread beside the list without changing the URL', async () => {
  const split = await openWatched(`${GMAIL_ORIGIN}/mail/u/0/?layout=split#inbox`);
  await expectState(split, 'no-thread');
  await split.locator('tr.zA', { hasText: 'Spring order' }).click();
  await expectCustomer(split, 'Northwind Trading');
  await split.locator('tr.zA', { hasText: 'Tasting samples' }).click();
  await expectState(split, 'unknown-sender', 'sophie.laurent@vins-laurent.example');
  expect(split.url()).toBe(`${GMAIL_ORIGIN}/mail/u/0/?layout=split#inbox`);
  expect(await violations(split)).toEqual([]);
  await split.close();
});

test("writing a message: the recipient's customer is shown while typing", async () => {
  const compose = await openWatched(`${GMAIL_ORIGIN}/mail/u/0/#inbox?compose=empty`);
  await expectState(compose, 'no-recipient');
  const to = compose.locator('.anm[name="to"] input');
  await to.fill(OLIVIA);
  await to.press('Enter');
  await expectCustomer(compose, 'Northwind Trading');
  await testId(sidebar(compose), 'compose-banner').and(sidebar(compose).locator(`[data-email="${OLIVIA}"]`)).waitFor({ timeout: UI_TIMEOUT });
  expect(await violations(compose)).toEqual([]);
  await compose.close();
});

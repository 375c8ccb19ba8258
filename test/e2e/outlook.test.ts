import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ExtensionBrowser, UI_TIMEOUT, assertSidebarHasIndexedDb, sidebar } from '../support/browser';
import { startE2eWorld, type E2eWorld } from '../support/e2e-world';
import { openOutlookInbox, openOutlookRow, outlookConversation } from '../support/outlook-fixture';
import { createCustomerFromSender, customerCardCount, expectCustomer, expectState } from '../support/sidebar';

// Outlook on the web under its real host names: the sidebar behaves as in Gmail. It follows
// pushState navigation between conversations, back, the list, a page it cannot read, and the
// other Outlook hosts (partner.outlook.cn in Chinese, outlook.live.com, the deep-link read view).

const pricing = outlookConversation(/Quarterly pricing/);
const install = outlookConversation(/Installation schedule/);
const chinese = outlookConversation(/三季度/);
const delayed = outlookConversation(/Delivery delayed/);
const broken = outlookConversation(/Layout changed/);

let world: E2eWorld;
let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  world = await startE2eWorld();
  browser = await world.browserOf('rep@ourco.example', 'Outlook Rep');
});

afterAll(async () => {
  await world?.dispose();
});

test('an Outlook conversation shows its sender, who can be made a customer', async () => {
  page = await browser.openHostPage(pricing.url());
  await assertSidebarHasIndexedDb(page);
  await expectState(page, 'unknown-sender', 'priya.nair@lakeside-foods.example');
  await createCustomerFromSender(page, { customerName: 'Lakeside Foods', contactName: 'Priya Nair' });
  await sidebar(page).locator('[data-testid="contact-name"]', { hasText: 'Priya Nair' }).waitFor({ timeout: UI_TIMEOUT });
});

test('another conversation (a click in the list): the customer side is shown, not the colleague who wrote last', async () => {
  await openOutlookRow(page, install.subject);
  await expectState(page, 'unknown-sender', 'hans.bergmann@bergmann-gmbh.example');
  expect(await customerCardCount(page)).toBe(0);
});

test('back to the first conversation, and back again with the browser', async () => {
  await openOutlookRow(page, pricing.subject);
  await expectCustomer(page, 'Lakeside Foods');
  await page.goBack();
  await expectState(page, 'unknown-sender', 'hans.bergmann@bergmann-gmbh.example');
  await page.goForward();
  await expectCustomer(page, 'Lakeside Foods');
});

test('the list with nothing open shows that no conversation is open', async () => {
  await openOutlookInbox(page);
  await expectState(page, 'no-thread');
  expect(await customerCardCount(page)).toBe(0);
});

test("a conversation whose layout changed says it can't be read instead of showing the previous customer", async () => {
  await openOutlookRow(page, pricing.subject);
  await expectCustomer(page, 'Lakeside Foods');
  await openOutlookRow(page, broken.subject);
  await expectState(page, 'unreadable');
  expect(await customerCardCount(page)).toBe(0);
});

test('partner.outlook.cn in Chinese: Chinese names, newest message on top', async () => {
  const cn = await browser.openHostPage(chinese.url('https://partner.outlook.cn'));
  await expectState(cn, 'unknown-sender', 'li.na@huadong-trade.example.cn');
  await createCustomerFromSender(cn, { customerName: '华东贸易有限公司', contactName: '李娜' });
  await cn.close();
});

test('outlook.live.com (/mail/0/) and the deep-link read view on outlook.office365.com', async () => {
  const live = await browser.openHostPage(delayed.url('https://outlook.live.com', '/mail/0'));
  await expectState(live, 'unknown-sender', 'carlos.mendes@andes-import.example');
  await live.close();
  const item = await browser.openHostPage(pricing.deepLink('https://outlook.office365.com'));
  await expectCustomer(item, 'Lakeside Foods');
  await item.close();
});

test('replying in Outlook shows the customer being written to; a new message follows what is typed into To', async () => {
  await page.bringToFront();
  await openOutlookRow(page, pricing.subject);
  await expectCustomer(page, 'Lakeside Foods');
  await page.locator('button:has([data-icon-name="ArrowReplyRegular"])').first().click();
  await sidebar(page).locator('[data-testid="compose-banner"][data-email="priya.nair@lakeside-foods.example"]').waitFor({ timeout: UI_TIMEOUT });
  await expectCustomer(page, 'Lakeside Foods');

  const compose = await browser.openHostPage('https://outlook.office.com/mail/deeplink/compose');
  await expectState(compose, 'no-recipient');
  const to = compose.locator('[contenteditable="true"][aria-label="To"]');
  await to.click();
  await compose.keyboard.type('priya.nair@lakeside-foods.example');
  await compose.keyboard.press('Enter');
  await expectCustomer(compose, 'Lakeside Foods');
  await compose.close();
});

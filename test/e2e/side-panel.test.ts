import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { m } from '../integration/support/mutations';
import { ExtensionBrowser, GMAIL_ORIGIN, SIDEBAR_IFRAME, UI_TIMEOUT, gotoThread } from '../support/browser';
import { startE2eWorld, type E2eWorld } from '../support/e2e-world';
import { outlookConversation } from '../support/outlook-fixture';
import { SidePanel } from '../support/side-panel';

// The same sidebar in Chrome's side panel, chosen in options: no column is injected, the CRM
// button opens the panel, and the panel follows the active tab (another conversation, another
// tab, another host, a page without mail).

let world: E2eWorld;
let browser: ExtensionBrowser;
let gmail: Page;
let panel: SidePanel;
const NAME = '[data-testid="customer-card"] [data-testid="customer-name"]';

beforeAll(async () => {
  world = await startE2eWorld();
  // The rep's own customers (a rep sees their own and shared ones).
  browser = await world.browserOf('panel.rep@ourco.example', 'Panel Rep', async ({ userId }) => {
    const pushed = await world.admin.sync.push.mutate({
      mutations: [
        m.createCustomer('Northwind Trading', { emailDomains: ['northwind.example'], ownerUserId: userId }),
        m.createCustomer('Lakeside Foods', { emailDomains: ['lakeside-foods.example'], ownerUserId: userId }),
      ],
    });
    expect(pushed.results.map((r) => r.status)).toEqual(['applied', 'applied']);
  });
});

afterAll(async () => {
  await panel?.detach();
  await world?.dispose();
});

test('the user chooses the side panel in options: mail pages get no injected column', async () => {
  const options = await browser.openOptions();
  await options.locator('[data-testid="display-panel"] input[value="side-panel"]').check({ timeout: UI_TIMEOUT });
  gmail = await browser.context.newPage();
  await gmail.goto(`${GMAIL_ORIGIN}/mail/u/0/#inbox/18f3a2b4c5d6e7f1`);
  const launcher = gmail.locator('inbox-crm-launcher button');
  await launcher.waitFor({ timeout: UI_TIMEOUT });
  expect(await launcher.getAttribute('title')).toMatch(/side panel/i);
  expect(await gmail.locator(SIDEBAR_IFRAME).count()).toBe(0);
});

test("the CRM button opens the side panel, which shows the open thread's customer", async () => {
  await gmail.locator('inbox-crm-launcher button').click();
  panel = await SidePanel.attach(browser, gmail);
  await panel.waitFor(NAME, 'Northwind Trading');
});

test('the panel follows navigation in the page and a switch to another tab and host', async () => {
  await gotoThread(gmail, 'inbox');
  await panel.waitFor('[data-testid="state-no-thread"]');
  await gotoThread(gmail, 'inbox/18f3a2b4c5d6e7f1');
  await panel.waitFor(NAME, 'Northwind Trading');
  const outlook = await browser.context.newPage();
  await outlook.goto(outlookConversation(/Quarterly pricing/).url());
  await outlook.bringToFront();
  await panel.waitFor(NAME, 'Lakeside Foods');
  await gmail.bringToFront();
  await panel.waitFor(NAME, 'Northwind Trading');
});

test('a page without mail: the panel shows no conversation rather than the last customer', async () => {
  // The fixture app on the fixture server's own address: a page where no content script runs.
  await gmail.goto(`https://127.0.0.1:${world.fixture.port}/gmail/index.html#inbox`);
  await panel.waitFor('[data-testid="state-no-thread"]');
  expect(await panel.text(NAME)).toBeNull();
});

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { pullAll } from '../support/api-client';
import { ExtensionBrowser, SIDEBAR_IFRAME, UI_TIMEOUT } from '../support/browser';
import { startE2eWorld, type E2eWorld } from '../support/e2e-world';
import { gmailThreads, type FixtureThread } from '../support/gmail-fixture';
import { addNote, clickUntilShown, createCustomerFromSender, expectCustomer, expectState, expectTimelineCount } from '../support/sidebar';

// Where a policy leaves the sidebar's iframe without IndexedDB, the sidebar still works: it asks
// the background (whose worker owns the replica) and has it make the changes (DESIGN.md).
const CUSTOMER = '无存储贸易有限公司';

let world: E2eWorld;
let browser: ExtensionBrowser;
let page: Page;
let thread: FixtureThread;

beforeAll(async () => {
  [thread] = gmailThreads().distinctSenders(1) as [FixtureThread];
  world = await startE2eWorld();
  const rep = await world.invite('rep.nostorage@e2e.example', 'Rep', 'sales_rep');
  browser = await ExtensionBrowser.launch({ fixture: world.fixture, withoutIframeStorage: true });
  await browser.signIn(world.server.url, rep.email, rep.code);
  await browser.syncNow();
});

afterAll(async () => {
  await browser?.close();
  await world?.dispose();
});

test('the sidebar iframe really has no IndexedDB here, and says it runs on the background', async () => {
  page = await browser.openGmail(thread.hash);
  const frame = page.frameLocator(SIDEBAR_IFRAME);
  await frame.locator('[data-storage="remote"]').waitFor({ state: 'attached', timeout: UI_TIMEOUT });
  const sidebar = page.frames().find((f) => f.url().endsWith('/sidebar.html'))!;
  const opened = await sidebar.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const request = indexedDB.open('probe');
        request.onsuccess = () => resolve('opened');
        request.onerror = () => resolve(String(request.error?.name));
      }),
  );
  expect(opened).not.toBe('opened');
});

test('create a customer and a note through the fallback; they reach the server', async () => {
  await expectState(page, 'unknown-sender', thread.senderEmail);
  await createCustomerFromSender(page, { customerName: CUSTOMER, contactName: thread.senderName });
  await expectCustomer(page, CUSTOMER);
  await addNote(page, '经由后台保存的备注');
  await expectTimelineCount(page, 1);

  await expect
    .poll(async () => (await pullAll(world.admin)).timelineItems.map((t) => t.summary), { timeout: UI_TIMEOUT })
    .toContain('经由后台保存的备注');
  expect((await pullAll(world.admin)).customers.filter((c) => c.name === CUSTOMER)).toHaveLength(1);
});

test('a follow-up through the fallback: a past due time is refused until confirmed; it reaches the server, then ends', async () => {
  const frame = page.frameLocator(SIDEBAR_IFRAME);
  await clickUntilShown(frame.locator('[data-testid="add-follow-up"]'), frame.locator('[data-testid="follow-up-form"]'));
  await frame.locator('textarea[name="reason"]').fill('经由后台的跟进');
  await frame.locator('input[name="dueAt"]').fill('2020-01-01T09:00');
  await frame.locator('[data-testid="save-follow-up"]').click();
  await frame.locator('[data-testid="field-error"][data-field="dueAt"]').waitFor({ timeout: UI_TIMEOUT });
  await frame.locator('[data-testid="past-due"] input').check();
  await frame.locator('[data-testid="save-follow-up"]').click();
  const item = frame.locator('[data-testid="follow-up"].is-overdue', { hasText: '经由后台的跟进' });
  await item.waitFor({ timeout: UI_TIMEOUT });
  await expect
    .poll(async () => (await pullAll(world.admin)).followUps.map((f) => [f.reason, f.status]), { timeout: UI_TIMEOUT })
    .toContainEqual(['经由后台的跟进', 'open']);
  await item.locator('[data-testid="follow-up-skip"]').click();
  await frame.locator('[data-testid="follow-up"][data-status="skipped"]').waitFor({ state: 'attached', timeout: UI_TIMEOUT });
  await expect
    .poll(async () => (await pullAll(world.admin)).followUps.map((f) => [f.reason, f.status]), { timeout: UI_TIMEOUT })
    .toContainEqual(['经由后台的跟进', 'skipped']);
});

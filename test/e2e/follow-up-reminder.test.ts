import type { Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { pullAll } from '../support/api-client';
import { ExtensionBrowser, SYNC_TIMEOUT, UI_TIMEOUT, assertSidebarHasIndexedDb, sidebar, sidebarFrame } from '../support/browser';
import { startE2eWorld, type E2eWorld } from '../support/e2e-world';
import { gmailThreads, type FixtureThread } from '../support/gmail-fixture';
import { clickUntilShown, expectCustomer, waitForSidebarSync } from '../support/sidebar';
import { waitUntil } from '../support/wait';

// A follow-up made while the server is down reminds its owner at the due time: an alarm and a
// notification from the extension's background, with no server and no help from the page.

const CUSTOMER = '提醒测试有限公司 Reminder Co';
const REASON = '确认样品是否收到 (offline)';
/** Far enough ahead to type and save the form, near enough for a test. */
const DUE_IN_MS = 25_000;

let world: E2eWorld;
let browser: ExtensionBrowser;
let page: Page;
let thread: FixtureThread;
let customerId: string;
let followUpId: string;
let dueAt: number;

type Chrome = {
  notifications: { getAll(): Promise<Record<string, boolean>> };
  alarms: { getAll(): Promise<{ name: string; scheduledTime: number }[]> };
  action: { getBadgeText(details: object): Promise<string> };
};
const workerChrome = <T>(fn: (chrome: Chrome) => Promise<T>) =>
  browser.serviceWorker.evaluate((source) => {
    const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
    return (0, eval)(source)(chrome);
  }, `(${fn.toString()})`) as Promise<T>;

beforeAll(async () => {
  [thread] = gmailThreads().distinctSenders(1) as [FixtureThread];
  world = await startE2eWorld();
  const rep = await world.invite('rep.reminder@e2e.example', '张伟 Rep', 'sales_rep');
  const members = (await pullAll(world.admin)).members;
  const repId = String(members.find((m) => m.email === rep.email)!.id);
  customerId = uuidv7();
  await world.admin.sync.push.mutate({
    mutations: [
      { id: uuidv7(), kind: 'customer.create', baseVersion: null, payload: { id: customerId, name: CUSTOMER, customerClass: 'A', ownerUserId: repId } },
      { id: uuidv7(), kind: 'contact.create', baseVersion: null, payload: { id: uuidv7(), customerId, name: thread.senderName, emails: [thread.senderEmail] } },
    ],
  });
  browser = await ExtensionBrowser.launch({ fixture: world.fixture });
  await browser.signIn(world.server.url, rep.email, rep.code);
  await browser.syncNow();
});

afterAll(async () => {
  await browser?.close();
  await world?.dispose();
});

test('the customer shows beside its mail, with no follow-ups and no badge', async () => {
  page = await browser.openGmail(thread.hash);
  await assertSidebarHasIndexedDb(page);
  await expectCustomer(page, CUSTOMER);
  await sidebar(page).locator('[data-testid="follow-ups"]').waitFor({ timeout: UI_TIMEOUT });
  expect(await workerChrome((c) => c.action.getBadgeText({}))).toBe('');
});

test('with the server stopped, a follow-up due in 25 s is saved locally and its reminder alarm is set', async () => {
  await world.server.stop();
  const frame = sidebar(page);
  await clickUntilShown(frame.locator('[data-testid="add-follow-up"]'), frame.locator('[data-testid="follow-up-form"]'));
  await frame.locator('textarea[name="reason"]').fill(REASON);
  // The browser's own zone decides what the typed time means (it is the zone the form names).
  const typed = await (await sidebarFrame(page)).evaluate((ms) => {
    const d = new Date(Date.now() + ms);
    const pad = (n: number) => String(n).padStart(2, '0');
    return { value: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`, at: Math.floor(d.getTime() / 1000) * 1000 };
  }, DUE_IN_MS);
  dueAt = typed.at;
  await frame.locator('input[name="dueAt"]').fill(typed.value);
  await frame.locator('input[name="ifNoReply"]').uncheck();
  await frame.locator('[data-testid="save-follow-up"]').click();
  const item = frame.locator('[data-testid="follow-up"]', { hasText: REASON });
  await item.waitFor({ timeout: UI_TIMEOUT });
  followUpId = String(await item.getAttribute('data-id'));
  await waitForSidebarSync(page, (s) => s.pending >= 1, 'the follow-up waits in the outbox');
  expect(await browser.syncNow(['offline', 'error'])).toBe('offline');

  const alarm = await waitUntil(
    () => workerChrome((c) => c.alarms.getAll()),
    (alarms) => alarms.some((a) => a.name.endsWith(followUpId)),
    { timeout: UI_TIMEOUT, message: 'a reminder alarm for the new follow-up' },
  );
  expect(alarm.find((a) => a.name.endsWith(followUpId))!.scheduledTime).toBe(dueAt);
  expect(await workerChrome((c) => c.notifications.getAll())).toEqual({});
});

test('the service worker is stopped meanwhile: the reminder lives in chrome.alarms, not in its memory', async () => {
  await browser.stopServiceWorker();
  const alarms = await workerChrome((c) => c.alarms.getAll());
  expect(alarms.find((a) => a.name.endsWith(followUpId))?.scheduledTime).toBe(dueAt);
});

test('at the due time the background shows the reminder notification, and the badge counts it overdue', async () => {
  const shown = await waitUntil(
    () => workerChrome((c) => c.notifications.getAll()),
    (all) => Object.keys(all).length > 0,
    { timeout: DUE_IN_MS + SYNC_TIMEOUT, message: 'the reminder notification', interval: 250 },
  );
  const seenAt = Date.now();
  expect(Object.keys(shown)).toEqual([`inbox-crm-follow-up:${followUpId}`]);
  // Not before the due time (chrome.alarms may fire a little late, never early).
  expect(seenAt).toBeGreaterThanOrEqual(dueAt);
  await waitUntil(() => workerChrome((c) => c.action.getBadgeText({})), (text) => text === '1', {
    timeout: UI_TIMEOUT,
    message: 'the overdue badge',
  });
});

test('the page a reminder opens shows the customer with the overdue follow-up', async () => {
  const tab = await browser.context.newPage();
  await tab.goto(`chrome-extension://${browser.extensionId}/sidebar.html?customer=${customerId}`);
  await tab.locator('[data-testid="selected-customer-name"]', { hasText: CUSTOMER }).waitFor({ timeout: UI_TIMEOUT });
  await tab.locator(`[data-testid="follow-up"][data-id="${followUpId}"].is-overdue`).waitFor({ timeout: UI_TIMEOUT });
  await tab.close();
});

test('the server is back: the follow-up reaches it once, as made offline', async () => {
  await world.server.restart();
  await browser.syncNow(['idle']);
  await waitForSidebarSync(page, (s) => s.pending === 0 && s.state === 'idle', 'outbox drained');
  const followUps = (await pullAll(world.admin)).followUps.filter((f) => f.customerId === customerId);
  expect(followUps).toHaveLength(1);
  expect(followUps[0]).toMatchObject({ id: followUpId, reason: REASON, status: 'open', dueAt: new Date(dueAt).toISOString() });
});

import type { Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { MutationInput } from '../../shared/schemas/sync';
import { pullAll } from '../support/api-client';
import { ExtensionBrowser, SYNC_TIMEOUT, UI_TIMEOUT } from '../support/browser';
import { startE2eWorld, type E2eWorld } from '../support/e2e-world';
import { startHoldingProxy, type HoldingProxy } from '../support/holding-proxy';

// Just signed in, the first sync still running (held back by a proxy, as a large organisation or
// a slow link would), a customer opened from a link: the sidebar shows the customer's timeline
// from the server (timeline.page through the background) instead of nothing, newest first, 50 at
// a time with "show older", by the same access rule as the replica. Server unreachable: it says
// so and shows what the device holds. Once the sync finishes, the replica's own view takes over.

const CUSTOMER = '链接打开 Opened-from-link Co';
const NOTES = 60;
const noteText = (i: number) => `回访记录 ${String(i).padStart(2, '0')} visit note`;
const PRIVATE = '管理员私人备注 admin private note';

let world: E2eWorld;
let proxy: HoldingProxy;
let browser: ExtensionBrowser;
let customerId: string;

beforeAll(async () => {
  world = await startE2eWorld();
  const rep = await world.invite('rep.link@e2e.example', '陈静 Rep', 'sales_rep');
  const repId = String((await pullAll(world.admin)).members.find((m) => m.email === rep.email)!.id);
  customerId = uuidv7();
  const note = (summary: string, i: number, isPrivate = false): MutationInput => ({
    id: uuidv7(),
    kind: 'note.create',
    baseVersion: null,
    payload: { id: uuidv7(), customerId, summary, occurredAt: new Date(Date.UTC(2026, 0, 1 + i, 9)).toISOString(), private: isPrivate },
  });
  await world.admin.sync.push.mutate({
    mutations: [
      { id: uuidv7(), kind: 'customer.create', baseVersion: null, payload: { id: customerId, name: CUSTOMER, ownerUserId: repId } },
      ...Array.from({ length: NOTES }, (_, i) => note(noteText(i), i)),
      // The admin's private note: never the rep's to see, from the replica or from the server.
      note(PRIVATE, NOTES + 5, true),
    ],
  });
  proxy = await startHoldingProxy(world.server.url, (path) => path.includes('sync.pull'));
  browser = await ExtensionBrowser.launch({ fixture: world.fixture });
  await browser.signIn(proxy.url, rep.email, rep.code);
});

afterAll(async () => {
  await browser?.close();
  await proxy?.close();
  await world?.dispose();
});

const openCustomer = async (): Promise<Page> => {
  const tab = await browser.context.newPage();
  await tab.goto(`chrome-extension://${browser.extensionId}/sidebar.html?customer=${customerId}`);
  return tab;
};
const lines = (tab: Page) => tab.locator('[data-testid="server-timeline"] [data-testid="timeline-item"] .summary');

test('before the first sync has finished, a customer opened from a link shows its timeline from the server, page by page', async () => {
  const tab = await openCustomer();
  await tab.locator('[data-testid="server-timeline-notice"]').waitFor({ timeout: UI_TIMEOUT });
  await expect.poll(() => lines(tab).count(), { timeout: UI_TIMEOUT }).toBe(50);
  // The first sync is still held back: the replica has nothing of the customer.
  expect(await tab.locator('[data-testid="selected-customer"]').count()).toBe(0);
  const newestFirst = Array.from({ length: NOTES }, (_, i) => noteText(NOTES - 1 - i));
  expect(await lines(tab).allTextContents()).toEqual(newestFirst.slice(0, 50));

  await tab.locator('[data-testid="server-timeline-older"]').click({ timeout: UI_TIMEOUT });
  await expect.poll(() => lines(tab).count(), { timeout: UI_TIMEOUT }).toBe(NOTES);
  expect(await lines(tab).allTextContents()).toEqual(newestFirst);
  expect(await tab.locator('[data-testid="server-timeline-older"]').count()).toBe(0);
  expect(await tab.content()).not.toContain(PRIVATE);
  await tab.close();
});

test('with the server unreachable it says so and shows what this device holds', async () => {
  proxy.setUnreachable(true);
  try {
    const tab = await openCustomer();
    await tab.locator('[data-testid="server-timeline-offline"]').waitFor({ timeout: UI_TIMEOUT });
    // What the device holds: its replica's timeline for the customer, empty before the first sync.
    await tab.locator('[data-testid="timeline"]', { hasText: 'Nothing on the timeline yet.' }).waitFor({ timeout: UI_TIMEOUT });
    expect(await tab.locator('[data-testid="server-timeline"]').count()).toBe(0);
    await tab.close();
  } finally {
    proxy.setUnreachable(false);
  }
});

test('once the first sync finishes, the replica view takes over with the same timeline', async () => {
  const tab = await openCustomer();
  await tab.locator('[data-testid="server-timeline-notice"]').waitFor({ timeout: UI_TIMEOUT });
  proxy.release();
  await browser.syncNow(['idle']);
  await tab.locator('[data-testid="selected-customer-name"]', { hasText: CUSTOMER }).waitFor({ timeout: SYNC_TIMEOUT });
  expect(await tab.locator('[data-testid="server-timeline"]').count()).toBe(0);
  const replicaLines = tab.locator('[data-testid="timeline"] [data-testid="timeline-item"] .summary');
  await expect.poll(() => replicaLines.count(), { timeout: UI_TIMEOUT }).toBe(NOTES);
  expect(await tab.content()).not.toContain(PRIVATE);
  await tab.close();
});

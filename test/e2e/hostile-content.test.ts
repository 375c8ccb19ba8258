import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ExtensionBrowser, UI_TIMEOUT, gotoThread, sidebar, sidebarFrame } from '../support/browser';
import { startFixtureServer, type FixtureServer } from '../support/fixture-https-server';
import { gmailFixtureWith } from '../support/gmail-fixture-with';
import { ServerProcess } from '../support/server-process';
import { expectState } from '../support/sidebar';

// Hostile mail: a sender whose name is markup, in a thread copied to 2,000 people. The sidebar
// shows the name as text (no element is made from it, no script runs), and the thread is read
// within the bounds the context schema allows.

const SCRIPTY = '<img src=x onerror="parent.__pwned=1"><script>parent.__pwned=2</script>';
const HOSTILE_THREAD = '18f3a2b4c5d6e7e9';
let fixtureCopy: ReturnType<typeof gmailFixtureWith>;
let fixture: FixtureServer;
let server: ServerProcess;
let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  fixtureCopy = gmailFixtureWith([
    {
      id: HOSTILE_THREAD,
      subject: `${SCRIPTY} invoice`,
      from: { email: 'attacker@hostile.example', name: SCRIPTY },
      cc: Array.from({ length: 2000 }, (_, i) => ({ email: `person${i}@bulk-${i % 13}.example`, name: `Person ${i}, Bulk` })),
    },
  ]);
  fixture = await startFixtureServer({ root: fixtureCopy.root });
  server = await ServerProcess.start();
  browser = await ExtensionBrowser.launch({ fixture });
  await browser.signIn(server.url, server.admin!.email, server.admin!.code);
  await browser.syncNow();
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
  await fixture?.close();
  fixtureCopy?.cleanup();
});

test('a markup name is shown as text and nothing runs, in the page or in the sidebar', async () => {
  page = await browser.openGmail('inbox');
  await gotoThread(page, `inbox/${HOSTILE_THREAD}`);
  await expectState(page, 'unknown-sender', 'attacker@hostile.example');
  const name = sidebar(page).locator('[data-testid="state-unknown-sender"] .sender-name');
  await name.waitFor({ timeout: UI_TIMEOUT });
  expect(await name.textContent()).toBe(SCRIPTY);
  const frame = await sidebarFrame(page);
  const inSidebar = await frame.evaluate(() => ({
    images: document.querySelectorAll('img').length,
    scripts: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
    pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
  }));
  expect(inSidebar).toEqual({ images: 0, scripts: 0, pwned: null });
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null)).toBeNull();
});

test('the 2,000 people on the thread are offered within the bound, and the page keeps working', async () => {
  const value = await sidebar(page).locator('input[name="customerName"]').inputValue({ timeout: UI_TIMEOUT });
  expect(value.length).toBeGreaterThan(0);
  await gotoThread(page, 'inbox/18f3a2b4c5d6e7f1');
  await expectState(page, 'unknown-sender', 'olivia.park@northwind.example');
});

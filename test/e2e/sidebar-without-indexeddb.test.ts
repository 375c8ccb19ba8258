import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { pullAll, signInApi } from '../support/api-client';
import { ExtensionBrowser, SIDEBAR_IFRAME, UI_TIMEOUT } from '../support/browser';
import { startFixtureServer, type FixtureServer } from '../support/fixture-https-server';
import { gmailThreads, type FixtureThread } from '../support/gmail-fixture';
import { ServerProcess } from '../support/server-process';
import { addNote, createCustomerFromSender, expectCustomer, expectState, expectTimelineCount } from '../support/sidebar';

// Where a policy leaves the sidebar's iframe without IndexedDB, the sidebar still works: it asks
// the background (whose worker owns the replica) and has it make the changes (DESIGN.md).
const CUSTOMER = '无存储贸易有限公司';

let fixture: FixtureServer;
let server: ServerProcess;
let browser: ExtensionBrowser;
let page: Page;
let thread: FixtureThread;
let admin: Awaited<ReturnType<typeof signInApi>>['client'];

beforeAll(async () => {
  [thread] = gmailThreads().distinctSenders(1) as [FixtureThread];
  fixture = await startFixtureServer();
  server = await ServerProcess.start();
  expect(server.admin, `server printed no admin sign-in code:\n${server.log}`).not.toBeNull();
  ({ client: admin } = await signInApi(server.url, server.admin!.email, server.admin!.code));
  const rep = { email: 'rep.nostorage@e2e.example', displayName: 'Rep', role: 'sales_rep' as const };
  const { code } = await admin.users.invite.mutate(rep);
  browser = await ExtensionBrowser.launch({ fixture, withoutIframeStorage: true });
  await browser.signIn(server.url, rep.email, code);
  await browser.syncNow();
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
  await fixture?.close();
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
    .poll(async () => (await pullAll(admin)).timelineItems.map((t) => t.summary), { timeout: UI_TIMEOUT })
    .toContain('经由后台保存的备注');
  expect((await pullAll(admin)).customers.filter((c) => c.name === CUSTOMER)).toHaveLength(1);
});

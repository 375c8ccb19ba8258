import type { Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { parseInviteLink } from '../../shared/domain/invite-link';
import { apiClient, pullAll, signInApi } from '../support/api-client';
import { ExtensionBrowser, SYNC_TIMEOUT, UI_TIMEOUT, assertSidebarHasIndexedDb } from '../support/browser';
import { startE2eWorld, type E2eWorld } from '../support/e2e-world';
import { gmailThreads, type FixtureThread } from '../support/gmail-fixture';
import { expectCustomer, expectState } from '../support/sidebar';

// Who sees what, as a person uses it: a rep's sidebar shows their customer, and loses it (with
// its contact) on the next sync after a manager gives it to a colleague; an admin invites
// someone with a one-time link from the options page, and deactivating a person ends their
// session and empties their replica.

const CUSTOMER = '杭州远景贸易 Confidential';
let world: E2eWorld;
let browser: ExtensionBrowser;
let page: Page;
let thread: FixtureThread;
let rep: { email: string; code: string; userId: string };
let rep2: { email: string; code: string; userId: string };
let customerId: string;

beforeAll(async () => {
  [thread] = gmailThreads().distinctSenders(1) as [FixtureThread];
  world = await startE2eWorld();
  const east = await world.department('华东销售部');
  rep = await world.invite('rep.access@e2e.example', 'Rep', 'sales_rep', east);
  rep2 = await world.invite('rep2.access@e2e.example', 'Rep Two', 'sales_rep', east);
  customerId = uuidv7();
  const push = await world.admin.sync.push.mutate({
    mutations: [
      { id: uuidv7(), baseVersion: null, kind: 'customer.create', payload: { id: customerId, name: CUSTOMER, ownerUserId: rep.userId } },
      { id: uuidv7(), baseVersion: null, kind: 'contact.create', payload: { id: uuidv7(), customerId, name: thread.senderName, emails: [thread.senderEmail] } },
    ],
  });
  expect(push.results.map((r) => r.status)).toEqual(['applied', 'applied']);
  browser = await ExtensionBrowser.launch({ fixture: world.fixture });
  await browser.signIn(world.server.url, rep.email, rep.code);
  await browser.syncNow();
  page = await browser.openGmail(thread.hash);
  await assertSidebarHasIndexedDb(page);
});

afterAll(async () => {
  await browser?.close();
  await world?.dispose();
});

/** The customer rows in the extension's replica (read in the worker, which owns it). */
const replicaCustomers = () =>
  browser.serviceWorker.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('inbox-crm');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('customers').objectStore('customers').getAll();
          all.onsuccess = () => resolve((all.result as { name: string }[]).map((c) => c.name));
          all.onerror = () => reject(all.error);
        };
      }),
  );

test("the rep's sidebar shows their customer, and loses it after a reassignment", async () => {
  await expectCustomer(page, CUSTOMER, SYNC_TIMEOUT);
  const reassign = { id: uuidv7(), baseVersion: null, kind: 'customer.update' as const, payload: { id: customerId, patch: { ownerUserId: rep2.userId } } };
  expect((await world.admin.sync.push.mutate({ mutations: [reassign] })).results[0]?.status).toBe('applied');
  await browser.syncNow();
  await page.bringToFront();
  // The contact went with it: the sender is unknown to this rep now.
  await expectState(page, 'unknown-sender', thread.senderEmail);
  expect(await replicaCustomers()).not.toContain(CUSTOMER);
  // The new owner has it (through the API, as their replica would).
  const theirs = await pullAll((await signInApi(world.server.url, rep2.email, rep2.code)).client);
  expect(JSON.stringify(theirs)).toContain(CUSTOMER);
});

test('an admin invites by one-time link, and deactivating someone ends their session and wipes their replica', async () => {
  const admin = await ExtensionBrowser.launch({ fixture: world.fixture });
  try {
    await admin.signIn(world.server.url, world.server.admin!.email, (await world.admin.users.issueCode.mutate({ id: (await world.admin.auth.me.query()).user.id })).code);
    const options = await admin.openOptions();
    const people = options.locator('[data-testid=people-admin]');
    await people.waitFor({ timeout: UI_TIMEOUT });
    await options.locator('input[name=inviteEmail]').fill('new.person@e2e.example');
    await options.locator('input[name=inviteName]').fill('王新');
    await options.locator('select[name=inviteRole]').selectOption('support_lead');
    await options.locator('[data-testid=invite]').click();
    const link = await options.locator('[data-testid=invite-link]').inputValue({ timeout: UI_TIMEOUT });
    expect(parseInviteLink(link)).toMatchObject({ serverUrl: world.server.url, email: 'new.person@e2e.example' });
    // The link's page is static text, and the invite works once.
    const joinPage = await fetch(link.split('#')[0]!);
    expect(await joinPage.text()).not.toMatch(/<script/i);
    const invited = parseInviteLink(link)!;
    await expect(apiClient(world.server.url).auth.signIn.mutate({ email: invited.email, code: invited.code })).resolves.toBeTruthy();
    await expect(apiClient(world.server.url).auth.signIn.mutate({ email: invited.email, code: invited.code })).rejects.toThrow(/invalid email or code/);

    // Deactivate the rep from the options page.
    options.once('dialog', (dialog) => void dialog.accept());
    await options.locator(`[data-testid=person][data-email="${rep.email}"] [data-testid=deactivate]`).click();
    await options.locator(`[data-testid=person][data-email="${rep.email}"] [data-testid=person-status]`, { hasText: /Deactivated|已停用/ }).waitFor({ timeout: UI_TIMEOUT });
    // The audit trail shows who did it.
    await options.locator('[data-testid=audit-event][data-action="users.deactivate"]').first().waitFor({ timeout: UI_TIMEOUT }).catch(async () => {
      await options.reload();
      await options.locator('[data-testid=audit-event][data-action="users.deactivate"]').first().waitFor({ timeout: UI_TIMEOUT });
    });
  } finally {
    await admin.close();
  }
  // The rep's next sync is refused: the sidebar says signed out, and the replica holds no customer.
  await browser.syncNow(['signed-out']);
  await page.bringToFront();
  await expectState(page, 'signed-out');
  expect(await replicaCustomers()).toEqual([]);
});

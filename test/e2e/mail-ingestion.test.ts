import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO_CUSTOMERS, DEMO_ME, DEMO_ME_OUTLOOK, demoGoogleMailbox, demoOutlookMailbox } from '../../demo/demo-data';
import { demoWebmailRoot } from '../../demo/demo-webmail';
import { startFakeGoogle, startFakeMicrosoft } from '../fakes/fake-providers';
import { fakeProviderEnv } from '../fakes/provider-config';
import { signInApi, type ApiClient } from '../support/api-client';
import { ExtensionBrowser, SYNC_TIMEOUT, UI_TIMEOUT, assertSidebarHasIndexedDb, sidebar, sidebarFrame } from '../support/browser';
import { HOSTILE, HOSTILE_LINE } from '../support/hostile-corpus';
import { startFixtureServer, type FixtureServer } from '../support/fixture-https-server';
import { ServerProcess } from '../support/server-process';
import { exactly, expectCustomer, timelineItems } from '../support/sidebar';
import { waitUntil } from '../support/wait';

// Issue 5 as a person does it: sign in, connect a Google and a Microsoft 365 account from the
// options page (the fakes approve at once), the server imports both mailboxes and calendars with
// the real client libraries, and the customer's timeline in the Gmail sidebar shows the mail
// and meetings (a hostile one among them shown as text). Then Google revokes the grant: the
// sidebar says so and "Reconnect" mends it.

let google: Awaited<ReturnType<typeof startFakeGoogle>>;
let microsoft: Awaited<ReturnType<typeof startFakeMicrosoft>>;
let webmail: ReturnType<typeof demoWebmailRoot>;
let fixture: FixtureServer;
let server: ServerProcess;
let admin: ApiClient;
let browser: ExtensionBrowser;

beforeAll(async () => {
  google = await startFakeGoogle();
  microsoft = await startFakeMicrosoft();
  const gmail = demoGoogleMailbox();
  gmail.messages.forEach((m) => google.addMessage(DEMO_ME.address, m));
  gmail.events.forEach((e) => google.addEvent(DEMO_ME.address, e));
  // Hostile content through mail ingestion (issue 7): a subject and a plain-text body that would
  // run or become markup if anything rendered them as HTML.
  google.addMessage(DEMO_ME.address, {
    messageId: 'hostile@baosteel-trade.example',
    from: { address: 'zhang.wei@baosteel-trade.example', name: HOSTILE.onerror },
    to: [{ address: DEMO_ME.address }],
    subject: HOSTILE_LINE,
    date: new Date(Date.now() - 2 * 3600_000),
    text: `${HOSTILE.script}\n${HOSTILE.iframe}\n${HOSTILE.javascriptUrl}\n${HOSTILE.rtl}`,
    labels: ['INBOX'],
  });
  const outlook = demoOutlookMailbox();
  outlook.messages.forEach((m) => microsoft.addMessage(DEMO_ME_OUTLOOK.address, m));
  outlook.events.forEach((e) => microsoft.addEvent(DEMO_ME_OUTLOOK.address, e));
  webmail = demoWebmailRoot(gmail.messages);
  fixture = await startFixtureServer({ root: webmail.root });
  server = await ServerProcess.start({
    env: {
      ...fakeProviderEnv({ google: google.url, microsoft: microsoft.url }),
      CRM_TOKEN_KEY: randomBytes(32).toString('base64'),
      CRM_INGEST_INTERVAL_MS: '1000',
    },
  });
  expect(server.admin, `server printed no admin sign-in code:\n${server.log}`).not.toBeNull();
  const signedIn = await signInApi(server.url, server.admin!.email, server.admin!.code);
  admin = signedIn.client;
  const rep = await admin.users.invite.mutate({ email: 'mia.rep@e2e-org.example', displayName: 'Mia', role: 'sales_rep' });
  // Mia's customers: a rep's sidebar shows only their own and shared ones (docs/security.md).
  const mutations = DEMO_CUSTOMERS.flatMap((c) => {
    const id = uuidv7();
    return [
      { id: uuidv7(), baseVersion: null, kind: 'customer.create', payload: { id, name: c.name, emailDomains: c.emailDomains, ownerUserId: rep.userId } },
      ...c.contacts.map((p) => ({ id: uuidv7(), baseVersion: null, kind: 'contact.create', payload: { id: uuidv7(), customerId: id, name: p.name, emails: [p.email] } })),
    ];
  });
  await admin.sync.push.mutate({ mutations: mutations as never });
  browser = await ExtensionBrowser.launch({ fixture });
  await browser.signIn(server.url, 'mia.rep@e2e-org.example', rep.code);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
  await fixture?.close();
  await google?.close();
  await microsoft?.close();
  webmail?.cleanup();
});

/** The server's confirmation names the signed-in user; continue, and wait for "Connected". */
async function confirmAndWait(tab: Page): Promise<void> {
  await tab.locator('[data-testid=oauth-text]', { hasText: 'mia.rep@e2e-org.example' }).waitFor({ timeout: UI_TIMEOUT });
  await tab.locator('[data-testid=oauth-continue]').click();
  await tab.locator('[data-testid=oauth-title]', { hasText: 'Connected' }).waitFor({ timeout: SYNC_TIMEOUT });
}

/** Clicks a connect button and returns the provider round trip's final page (server's own). */
async function connect(buttonTestId: string): Promise<Page> {
  const options = await browser.openOptions();
  const opened = browser.context.waitForEvent('page', { timeout: UI_TIMEOUT });
  await options.locator(`[data-testid=${buttonTestId}]`).click();
  const tab = await opened;
  await confirmAndWait(tab);
  return tab;
}

/** Syncs until the options page lists `address` with every channel imported and error-free. */
async function waitForImported(address: string): Promise<void> {
  const options = await browser.openOptions();
  const account = options.locator(`[data-testid=mail-account][data-address="${address}"]`);
  await waitUntil(
    async () => {
      await browser.syncNow();
      const channels = account.locator('[data-testid=channel]');
      const n = await channels.count();
      if (n === 0) return false;
      const texts = await channels.allInnerTexts();
      const errors = await channels.evaluateAll((els) => els.map((e) => e.getAttribute('data-error')));
      return texts.every((text) => !/not imported yet/.test(text)) && errors.every((e) => e === '');
    },
    (done) => done,
    { timeout: 60_000, message: `${address} was not imported` },
  );
}

test('connect Google and Microsoft 365 from the options page; imported mail and meetings appear on the timeline', async () => {
  const tab = await connect('connect-google');
  expect(await tab.locator('[data-testid=oauth-text]').innerText()).toContain(DEMO_ME.address);
  await tab.close();
  await (await connect('connect-microsoft')).close();
  await waitForImported(DEMO_ME.address);
  await waitForImported(DEMO_ME_OUTLOOK.address);

  const complaint = webmail.threads.find((t) => t.subject === '投诉：第三批钢卷表面划伤')!;
  const page = await browser.openGmail(`inbox/${complaint.id}`);
  await assertSidebarHasIndexedDb(page);
  await expectCustomer(page, '上海宝钢贸易有限公司');
  const items = timelineItems(page);
  const withSubject = (subject: string) => items.filter({ has: sidebar(page).locator('p.summary', { hasText: exactly(subject) }) });
  // The complaint from both mailboxes (their Message-IDs differ), and the visit: one meeting in two calendars.
  await waitUntil(() => withSubject('投诉：第三批钢卷表面划伤').count(), (n) => n === 2, { timeout: UI_TIMEOUT, message: 'both mailboxes’ complaint mail' });
  expect(await withSubject('回复：投诉：第三批钢卷表面划伤').count()).toBe(4);
  expect(await items.filter({ hasText: '拜访上海宝钢' }).count()).toBe(1);
  const inbound = withSubject('投诉：第三批钢卷表面划伤').first();
  expect(await inbound.locator('[data-testid=imported]').getAttribute('data-mine')).toBe('true');
  // The body is the owner's: quoted history stripped, shown as text.
  await inbound.locator('summary').click();
  const body = await inbound.locator('[data-testid=imported-body]').innerText();
  expect(body).toContain('4 卷表面有明显划伤');
  expect(body).not.toContain('写道');
  await expect.poll(() => sidebar(page).locator('[data-testid=mail-health]').getAttribute('data-state'), { timeout: UI_TIMEOUT }).toBe('ok');

  // The hostile mail: its subject and body are text on the timeline; nothing ran or became markup.
  const hostile = items.filter({ has: sidebar(page).locator('p.summary', { hasText: HOSTILE.rtl }) });
  await hostile.waitFor({ timeout: UI_TIMEOUT });
  await hostile.locator('summary').click();
  expect(await hostile.locator('[data-testid=imported-body]').innerText()).toContain(HOSTILE.script);
  expect(await hostile.innerText()).toContain(HOSTILE.javascriptUrl);
  const frame = await sidebarFrame(page);
  expect(
    await frame.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
      markup: [...document.querySelectorAll('[data-testid=timeline] :is(img, svg, iframe, script, b, a[href^="javascript"])')].length,
      handlers: [...document.querySelectorAll('[data-testid=timeline] *')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
    })),
  ).toEqual({ pwned: null, markup: 0, handlers: 0 });
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null)).toBeNull();
  await page.close();
});

test('a revoked Google grant shows in the sidebar with "Reconnect", which mends it', async () => {
  google.revoke(DEMO_ME.address);
  const options = await browser.openOptions();
  await options.locator(`[data-testid=mail-account][data-address="${DEMO_ME.address}"] [data-testid=account-sync-now]`).click();
  const thread = webmail.threads.find((t) => t.subject.startsWith('Spring order'))!;
  const page = await browser.openGmail(`inbox/${thread.id}`);
  await expectCustomer(page, 'Northwind Traders');
  const health = sidebar(page).locator('[data-testid=mail-health]');
  /** Syncs the replica until the sidebar's mail health line is in `state`. */
  const healthBecomes = (state: string, message: string) =>
    waitUntil(
      async () => {
        await browser.syncNow();
        return health.getAttribute('data-state');
      },
      (seen) => seen === state,
      { timeout: 60_000, message },
    );
  await healthBecomes('problem', 'the sidebar did not show the revoked account');
  google.restore(DEMO_ME.address);
  const opened = browser.context.waitForEvent('page', { timeout: UI_TIMEOUT });
  await sidebar(page).locator('[data-testid=mail-reconnect]').click();
  await confirmAndWait(await opened);
  await healthBecomes('ok', 'the account did not recover after reconnecting');
});

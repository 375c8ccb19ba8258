import { TRPCClientError } from '@trpc/client';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { companyDomainOf } from '../../shared/domain/customer-match';
import { pullAll, signInApi, type ApiClient } from '../support/api-client';
import { ExtensionBrowser, assertSidebarHasIndexedDb } from '../support/browser';
import { startE2eWorld, type E2eWorld } from '../support/e2e-world';
import type { FixtureServer } from '../support/fixture-https-server';
import { gmailThreads, type FixtureThread } from '../support/gmail-fixture';
import type { ServerProcess } from '../support/server-process';
import { customerCardCount, expectState } from '../support/sidebar';

// Two organisations on one server: a user of organisation B, reading the same mail as
// organisation A, sees nothing of A's customers, in the sidebar or through the API.

const SECRET_NAME = 'Org A Confidential Account';

let world: E2eWorld;
let fixture: FixtureServer;
let server: ServerProcess;
let adminA: ApiClient;
let adminB: ApiClient;
let orgB: { email: string; code: string; orgId: string };
let repB: { email: string; code: string };
let thread: FixtureThread;
const customerId = uuidv7();
const contactId = uuidv7();
const noteId = uuidv7();

beforeAll(async () => {
  [thread] = gmailThreads().distinctSenders(1) as [FixtureThread];
  world = await startE2eWorld();
  ({ fixture, server, admin: adminA } = world);

  // Organisation A knows the thread's sender as a contact of one of its customers.
  const domain = companyDomainOf(thread.senderEmail);
  const pushed = await adminA.sync.push.mutate({
    mutations: [
      {
        id: uuidv7(),
        kind: 'customer.create',
        baseVersion: null,
        payload: { id: customerId, name: SECRET_NAME, customerClass: 'A', ownerUserId: null, emailDomains: domain ? [domain] : [] },
      },
      {
        id: uuidv7(),
        kind: 'contact.create',
        baseVersion: null,
        payload: { id: contactId, customerId, name: thread.senderName || 'Contact', emails: [thread.senderEmail] },
      },
      {
        id: uuidv7(),
        kind: 'note.create',
        baseVersion: null,
        payload: { id: noteId, customerId, summary: 'Org A internal note', occurredAt: new Date().toISOString(), contactIds: [contactId], sourceRef: null },
      },
    ],
  });
  expect(pushed.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);

  // Organisation B is created with the CLI while the server is stopped (PGlite: one process).
  await server.stop();
  const created = server.createOrg('Other Company', 'boss@other-org.example');
  orgB = { email: created.email, code: created.code, orgId: created.orgId };
  await server.restart();
  ({ client: adminB } = await signInApi(server.url, orgB.email, orgB.code));
  const invited = await adminB.users.invite.mutate({ email: 'rep@other-org.example', displayName: 'Rep B', role: 'admin' });
  repB = { email: 'rep@other-org.example', code: invited.code };
});

let browser: ExtensionBrowser | undefined;

afterAll(async () => {
  await browser?.close();
  await world?.dispose();
});

test("sanity: organisation A's own scope has the customer", async () => {
  const scope = await pullAll(adminA);
  expect(scope.customers.map((c) => c.id)).toContain(customerId);
  expect((await adminA.customers.get.query({ id: customerId })).name).toBe(SECRET_NAME);
});

test("organisation B's sidebar shows the sender as unknown", async () => {
  browser = await ExtensionBrowser.launch({ fixture });
  await browser.signIn(server.url, repB.email, repB.code);
  await browser.syncNow(['idle']);
  const page = await browser.openGmail(thread.hash);
  await assertSidebarHasIndexedDb(page);
  await expectState(page, 'unknown-sender', thread.senderEmail);
  expect(await customerCardCount(page)).toBe(0);
  expect(await page.frameLocator('iframe[data-inbox-crm="sidebar"]').locator('body').innerText()).not.toContain(SECRET_NAME);
});

test("organisation B cannot get A's customer by id", async () => {
  const error = await adminB.customers.get.query({ id: customerId }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'customers.get of another organisation\'s id must fail').toBeInstanceOf(TRPCClientError);
  expect((error as { data?: { code?: string } }).data?.code).toBe('NOT_FOUND');
});

test("organisation B's pull contains none of A's rows", async () => {
  for (const client of [adminB, (await signInApiAgain()).client]) {
    const scope = await pullAll(client);
    const text = JSON.stringify(scope.changes);
    for (const secret of [customerId, contactId, noteId, SECRET_NAME, 'Org A internal note', server.admin!.email]) {
      expect(text, `B's pull leaks ${secret}`).not.toContain(secret);
    }
    expect(scope.members.every((m) => String(m.email).endsWith('@other-org.example'))).toBe(true);
  }
});

/** A token for B's ordinary user too (issued by B's admin), so both roles are checked. */
async function signInApiAgain() {
  const invited = await adminB.users.invite.mutate({ email: 'viewer@other-org.example', displayName: 'Viewer B', role: 'sales_rep' });
  return signInApi(server.url, 'viewer@other-org.example', invited.code);
}

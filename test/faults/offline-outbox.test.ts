import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signInApi } from '../support/api-client';
import { ExtensionBrowser, UI_TIMEOUT, assertSidebarHasIndexedDb, sidebar, sidebarFrame } from '../support/browser';
import { startFixtureServer, type FixtureServer } from '../support/fixture-https-server';
import { gmailThreads, type FixtureThread } from '../support/gmail-fixture';
import { makeTempDir } from '../support/paths';
import { postgresInstalled } from '../support/postgres-server';
import type { ServerProcess } from '../support/server-process';
import { addNote, clickUntilShown, createCustomerFromSender, expectCustomer, waitForSidebarSync } from '../support/sidebar';
import { waitUntil } from '../support/wait';
import { startCluster } from './cluster';
import { mutateFromPage, queryFromPage, readOutbox, type OutboxRow } from './extension-page';
import { pushTimings, type PushRequest } from './push-timings';

// Issue 8: 1,000 changes made offline, with the service worker stopped and the browser restarted
// in between, all reach the server exactly once. The server is stopped (PostgreSQL stays up), so
// every sync attempt fails the way it does for a user whose server is unreachable. A few changes
// are made in the sidebar by hand; the rest go through the same background path the sidebar uses
// without IndexedDB (replica-mutate messages from an extension page).

const TOTAL = 1_000;
const CUSTOMER = 'Offline Outfitters 离线';
const DAY = 86_400_000;

type Cluster = Awaited<ReturnType<typeof startCluster>>;
let cluster: Cluster;
let server: ServerProcess;
let fixture: FixtureServer;
let profile: { dir: string; cleanup: () => void };
let browser: ExtensionBrowser;
let rep: { email: string; code: string; userId: string };
let thread: FixtureThread;
let gmail: Page;
/** Ids of the customers made by message (the notes, follow-ups and calls go to them). */
const customerIds: string[] = [];
let made: OutboxRow[] = [];
const pushes: PushRequest[] = [];
const timings: Record<string, number> = {};

describe.skipIf(!postgresInstalled())('faults: 1,000 changes made offline', () => {
  beforeAll(async () => {
    [thread] = gmailThreads().distinctSenders(1) as [FixtureThread];
    // Request lines (info) give the server's own time per push.
    cluster = await startCluster(['api'], { CRM_LOG_LEVEL: 'info' });
    server = cluster.processes[0]!;
    const { client: admin } = await signInApi(server.url, server.admin!.email, server.admin!.code);
    const invited = await admin.users.invite.mutate({ email: 'rep.offline@faults.example', displayName: '王芳 Rep', role: 'sales_rep', departmentId: null });
    rep = { email: 'rep.offline@faults.example', code: invited.code, userId: invited.userId };
    fixture = await startFixtureServer();
    profile = makeTempDir('profile-kept');
    browser = await launch();
    await browser.signIn(server.url, rep.email, rep.code);
    await browser.syncNow();
  });

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await cluster?.dispose();
    await fixture?.close();
    profile?.cleanup();
  });

  test('server unreachable: the first 400 changes, 6 in the sidebar and the rest from an extension page', async () => {
    await server.stop();
    const started = Date.now();
    gmail = await browser.openGmail(thread.hash);
    await assertSidebarHasIndexedDb(gmail);
    await createCustomerFromSender(gmail, { customerName: CUSTOMER, contactName: thread.senderName });
    for (let n = 1; n <= 3; n++) await addNote(gmail, `Sidebar note A-${n} 电话回访`);
    await addFollowUpInSidebar(gmail, 'Sidebar follow-up A 回访');
    expect(await browser.syncNow(['offline', 'error'])).toBe('offline');

    await makeChanges('A', { customers: 30, notes: 280, followUps: 54 });
    timings.phaseA = Date.now() - started;
    made = await expectPendingOutbox(400, []);
    await waitForSidebarSync(gmail, (s) => s.pending === 400, 'the sidebar badge counts 400 unsent changes');
  });

  test('the service worker is stopped: nothing is lost, and a fresh worker takes the next 300', async () => {
    await browser.stopServiceWorker();
    made = await expectPendingOutbox(400, made);
    const started = Date.now();
    await makeChanges('B', { customers: 20, notes: 200, followUps: 40, interactions: 20 });
    timings.phaseB = Date.now() - started;
    made = await expectPendingOutbox(700, made);
  });

  test('the browser restarts with the same profile: the outbox is intact, still signed in, 300 more changes', async () => {
    await browser.close();
    browser = await launch();
    made = await expectPendingOutbox(700, made);
    const started = Date.now();
    gmail = await browser.openGmail(thread.hash);
    await assertSidebarHasIndexedDb(gmail);
    await expectCustomer(gmail, CUSTOMER);
    for (let n = 1; n <= 2; n++) await addNote(gmail, `Sidebar note C-${n} 报价跟进`);
    await addFollowUpInSidebar(gmail, 'Sidebar follow-up C 回访');
    await makeChanges('C', { customers: 10, notes: 207, followUps: 50, interactions: 20 });
    timings.phaseC = Date.now() - started;
    made = await expectPendingOutbox(TOTAL, made);
  });

  test('the server is back: the outbox drains by itself, in bounded batches, even with the worker stopped mid-push', async () => {
    const options = await browser.openOptions();
    browser.context.on('request', (request) => {
      if (request.url().endsWith('/trpc/sync.push')) pushes.push({ at: Date.now(), size: request.postDataJSON()?.mutations?.length ?? -1 });
    });
    let lastPushAnswered = 0;
    browser.context.on('requestfinished', (request) => {
      if (request.url().endsWith('/trpc/sync.push')) lastPushAnswered = Date.now();
    });
    await server.restart();
    const back = Date.now();
    // Nobody clicks anything: the worker's retry timer or its 1-minute alarm starts the push.
    const firstAcked = await waitUntil(() => pendingCount(options), (n) => n < TOTAL, {
      timeout: 90_000,
      interval: 100,
      message: 'the first push batch acknowledged after the server came back (retry timer or 1-minute alarm)',
    });
    timings.firstBatchAfterBack = Date.now() - back;
    // Stop the worker while the rest is being pushed: its in-flight batch must not be applied twice.
    if (firstAcked > 0) await browser.stopServiceWorker();
    timings.pendingWhenWorkerStopped = firstAcked;
    await waitUntil(() => pendingCount(options), (n) => n === 0, {
      timeout: 120_000,
      interval: 250,
      message: 'the outbox drained after the server came back',
    });
    timings.drainedAfterBack = Date.now() - back;
    timings.firstPushToDrained = Date.now() - (pushes[0]?.at ?? back);
    // The push alone: from the first batch sent to the last one answered (the pull follows).
    timings.pushOf1000 = lastPushAnswered - (pushes[0]?.at ?? back);
    await waitForSidebarSync(gmail, (s) => s.pending === 0 && s.state === 'idle', 'the sidebar shows everything sent, idle');
    expect(await readOutbox(options)).toEqual([]);
    expect(await queryFromPage(options, { query: 'rejected' }, 'rejected changes')).toEqual([]);
    // Every push is bounded by the protocol's batch limit; 1,000 changes need at least 5 pushes.
    expect(pushes.length).toBeGreaterThanOrEqual(5);
    expect(pushes.filter((p) => p.size < 1 || p.size > 200)).toEqual([]);
  });

  test('the server has every change exactly once, and the records match 1:1', async () => {
    const ids = made.map((m) => m.id);
    const applied = await cluster.query<{ id: string; status: string; n: string }>(
      `SELECT id::text, result->>'status' AS status, count(*) OVER (PARTITION BY id) AS n FROM applied_mutations WHERE user_id = $1`,
      [rep.userId],
    );
    expect(applied).toHaveLength(TOTAL);
    expect(new Set(applied.map((a) => a.id))).toEqual(new Set(ids));
    expect(applied.filter((a) => a.status !== 'applied' || a.n !== '1')).toEqual([]);

    const byKind = (kind: string) => made.filter((m) => m.kind === kind).map((m) => m.entityId);
    const rows = async (table: string, where = 'true') =>
      (await cluster.query<{ id: string }>(`SELECT id::text FROM ${table} WHERE ${where}`)).map((r) => r.id).sort();
    expect(await rows('customers')).toEqual(byKind('customer.create').sort());
    expect(await rows('contacts')).toEqual(byKind('contact.create').sort());
    expect(await rows('timeline_items', `kind = 'note'`)).toEqual(byKind('note.create').sort());
    expect(await rows('timeline_items', `kind IN ('call', 'meeting')`)).toEqual(byKind('interaction.log').sort());
    expect(await rows('follow_ups', `source = 'manual'`)).toEqual(byKind('followUp.create').sort());
    // And no text twice: a change replayed under a new id would show here.
    const twice = await cluster.query(
      `SELECT summary AS text FROM timeline_items GROUP BY summary HAVING count(*) > 1
       UNION ALL SELECT reason FROM follow_ups GROUP BY reason HAVING count(*) > 1
       UNION ALL SELECT name FROM customers GROUP BY name HAVING count(*) > 1`,
    );
    expect(twice).toEqual([]);
    const mix = Object.fromEntries(['customer.create', 'contact.create', 'note.create', 'followUp.create', 'interaction.log'].map((k) => [k, byKind(k).length]));
    const server = pushTimings(cluster.processes[0]!.log);
    console.log(`[faults] offline 1,000: ${JSON.stringify({ mix, timings, pushes: pushes.map((p) => p.size), serverPushMs: server })}`);
  });
});

function launch(): Promise<ExtensionBrowser> {
  return ExtensionBrowser.launch({ fixture, profileDir: profile.dir });
}

/** Customers first (their ids come back from the replica, as a search would find them), then notes and follow-ups on them. */
async function makeChanges(phase: string, counts: { customers: number; notes: number; followUps: number; interactions?: number }): Promise<void> {
  const page = await browser.openOptions();
  const names = Array.from({ length: counts.customers }, (_, i) => `Offline ${phase}-${String(i + 1).padStart(2, '0')} 离线客户`);
  await mutateFromPage(
    page,
    names.map((customerName, i) => ({ mutation: 'create-customer', customerName, contactName: `联系人 ${phase}-${i + 1}`, email: `buyer@${phase.toLowerCase()}${i + 1}.offline.example` })),
    `phase ${phase} customers`,
  );
  for (const name of names) {
    const hits = await queryFromPage<{ customer: { id: string; name: string } }[]>(page, { query: 'search', text: name, limit: 10 }, `search for ${name}`);
    const hit = hits.find((h) => h.customer.name === name);
    if (!hit) throw new Error(`the new customer "${name}" is not in the replica's search: ${JSON.stringify(hits.map((h) => h.customer.name))}`);
    customerIds.push(hit.customer.id);
  }
  const on = (n: number) => customerIds[n % customerIds.length]!;
  await mutateFromPage(
    page,
    Array.from({ length: counts.notes }, (_, n) => ({ mutation: 'add-note', customerId: on(n), text: `Offline note ${phase}-${n + 1} 电话回访`, sourceRef: null })),
    `phase ${phase} notes`,
  );
  const dueAt = new Date(Date.now() + 30 * DAY).toISOString();
  await mutateFromPage(
    page,
    Array.from({ length: counts.followUps }, (_, n) => ({ mutation: 'create-follow-up', input: { customerId: on(n), dueAt, reason: `Offline follow-up ${phase}-${n + 1} 回访` } })),
    `phase ${phase} follow-ups`,
  );
  const occurredAt = new Date(Date.now() - 60_000).toISOString();
  await mutateFromPage(
    page,
    Array.from({ length: counts.interactions ?? 0 }, (_, n) => ({
      mutation: 'log-interaction',
      input: { customerId: on(n), kind: n % 2 ? 'call' : 'meeting', occurredAt, summary: `Offline touch ${phase}-${n + 1} 拜访记录` },
    })),
    `phase ${phase} logged calls and meetings`,
  );
}

/** The outbox holds `count` pending changes, none refused, and every one made before is still there. */
async function expectPendingOutbox(count: number, before: OutboxRow[]): Promise<OutboxRow[]> {
  const outbox = await readOutbox(await browser.openOptions());
  expect(outbox.filter((e) => e.status !== 'pending')).toEqual([]);
  expect(outbox).toHaveLength(count);
  const ids = new Set(outbox.map((e) => e.id));
  expect(before.filter((e) => !ids.has(e.id))).toEqual([]);
  return outbox;
}

async function pendingCount(page: Page): Promise<number> {
  return (await readOutbox(page)).filter((e) => e.status === 'pending').length;
}

/** The follow-up form beside the open mail, due in 30 days (no reminder fires during the run). */
async function addFollowUpInSidebar(page: Page, reason: string): Promise<void> {
  const frame = sidebar(page);
  await clickUntilShown(frame.locator('[data-testid="add-follow-up"]'), frame.locator('[data-testid="follow-up-form"]'));
  await frame.locator('textarea[name="reason"]').fill(reason, { timeout: UI_TIMEOUT });
  // The form reads the typed time in the browser's zone.
  const typed = await (await sidebarFrame(page)).evaluate((ms) => {
    const d = new Date(Date.now() + ms);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }, 30 * DAY);
  await frame.locator('input[name="dueAt"]').fill(typed, { timeout: UI_TIMEOUT });
  await frame.locator('input[name="ifNoReply"]').uncheck({ timeout: UI_TIMEOUT });
  await frame.locator('[data-testid="save-follow-up"]').click({ timeout: UI_TIMEOUT });
  await frame.locator('[data-testid="follow-up"]', { hasText: reason }).waitFor({ timeout: UI_TIMEOUT });
}

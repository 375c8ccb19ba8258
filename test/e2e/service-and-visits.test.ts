import type { Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { pullAll, signInApi, type ApiClient } from '../support/api-client';
import { ExtensionBrowser, SYNC_TIMEOUT, UI_TIMEOUT, assertSidebarHasIndexedDb, sidebar } from '../support/browser';
import { startFixtureServer, type FixtureServer } from '../support/fixture-https-server';
import { gmailFixtureWith } from '../support/gmail-fixture-with';
import { ServerProcess } from '../support/server-process';
import { expectCustomer, sidebarSyncStatus, waitForSidebarSync } from '../support/sidebar';
import { waitUntil } from '../support/wait';

// A support lead opens a customer's mail, logs it as a complaint in one click, sees the
// first-reply clock, and walks the complaint workflow, where resolving without a result is
// refused beside the field and nothing is sent. Then a visit is planned and reported from the
// sidebar, and a manager reviews the report on the options page.

const THREAD = '18f3a2b4c5d6e9c1';
const SUBJECT = '第二批钢卷交货延迟两周';
const ids = { customer: uuidv7(), contact: uuidv7() };

let fixtureCopy: ReturnType<typeof gmailFixtureWith>;
let fixture: FixtureServer;
let server: ServerProcess;
let admin: ApiClient;
let browser: ExtensionBrowser;
let page: Page;
let manager: { email: string; code: string };

const frame = () => sidebar(page);
const item = () => frame().locator('[data-testid="service-item"]').first();
const serverRows = async (entity: string) => (await pullAll(admin)).of(entity);

beforeAll(async () => {
  fixtureCopy = gmailFixtureWith([{ id: THREAD, subject: SUBJECT, from: { email: 'wang.li@baosteel-e2e.example', name: '王丽' } }]);
  fixture = await startFixtureServer({ root: fixtureCopy.root });
  server = await ServerProcess.start();
  expect(server.admin, `server printed no admin sign-in code:\n${server.log}`).not.toBeNull();
  ({ client: admin } = await signInApi(server.url, server.admin!.email, server.admin!.code));
  // Issue 7: the customer is in the manager's department and shared with the support lead, who
  // therefore may plan visits too (service access alone covers requests, not visits).
  const department = (await admin.departments.create.mutate({ name: '华东销售' })).id;
  const lead = { email: 'lead.service@e2e.example', code: '', userId: '' };
  ({ code: lead.code, userId: lead.userId } = await admin.users.invite.mutate({ email: lead.email, displayName: 'Support Lead', role: 'support_lead' }));
  manager = { email: 'manager.service@e2e.example', code: '' };
  manager.code = (await admin.users.invite.mutate({ email: manager.email, displayName: 'Sales Manager', role: 'manager', departmentId: department })).code;
  const customer = { id: ids.customer, name: '宝钢股份', emailDomains: ['baosteel-e2e.example'], departmentId: department, sharedWith: [lead.userId] };
  const pushed = await admin.sync.push.mutate({
    mutations: [
      { id: uuidv7(), kind: 'customer.create', baseVersion: null, payload: { ...customer, customerClass: 'A' } },
      { id: uuidv7(), kind: 'contact.create', baseVersion: null, payload: { id: ids.contact, customerId: ids.customer, name: '王丽', emails: ['wang.li@baosteel-e2e.example'] } },
    ],
  });
  expect(pushed.results.map((r) => r.status)).toEqual(['applied', 'applied']);
  browser = await ExtensionBrowser.launch({ fixture });
  await browser.signIn(server.url, lead.email, lead.code);
  await browser.syncNow();
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
  await fixture?.close();
  fixtureCopy?.cleanup();
});

/** A datetime-local value `hours` from now, in the browser's zone (the test runs in the same zone). */
function localInput(hours: number): string {
  const d = new Date(Date.now() + hours * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

test('log a complaint from a mail in one click: the clock is visible and the server has it with its deadline', async () => {
  page = await browser.openGmail(`inbox/${THREAD}`);
  await assertSidebarHasIndexedDb(page);
  await expectCustomer(page, '宝钢股份');
  await frame().locator('[data-testid="log-complaint"]').click({ timeout: UI_TIMEOUT });
  const clock = item().locator('[data-testid="service-clock"][data-state="running"]');
  await clock.waitFor({ timeout: UI_TIMEOUT });
  expect(await clock.innerText()).toMatch(/First reply within 23 h 5\d min/);

  await browser.syncNow();
  await waitForSidebarSync(page, (s) => s.pending === 0, 'the complaint synced');
  const [row] = await serverRows('serviceItem');
  expect(row).toMatchObject({ type: 'complaint', summary: SUBJECT, threadRef: `gmail:${THREAD}`, afterMessageId: THREAD, contactId: ids.contact, stage: 'received' });
  expect(Date.parse(String(row!.firstReplyDueAt)) - Date.parse(String(row!.receivedAt))).toBe(24 * 3_600_000);
});

test('the complaint workflow: resolving without a result is refused beside the field and nothing is queued', async () => {
  await item().locator('[data-testid="step-commit"]').click({ timeout: UI_TIMEOUT });
  await frame().locator('input[name="promisedReplyAt"]').fill(localInput(4));
  await frame().locator('[data-testid="save-commit"]').click();
  await item().locator('[data-testid="service-stage"][data-stage="committed"]').waitFor({ timeout: UI_TIMEOUT });

  await item().locator('[data-testid="step-options"]').click();
  for (const [i, text] of ['补发 200 件', '退货退款', '下批折扣 5%'].entries()) await frame().locator(`input[name="option-${i + 1}"]`).fill(text);
  await frame().locator('[data-testid="options-form"] input[type="radio"]').first().check();
  await frame().locator('[data-testid="save-options"]').click();
  await item().locator('[data-testid="service-stage"][data-stage="options"]').waitFor({ timeout: UI_TIMEOUT });
  await browser.syncNow();
  await waitForSidebarSync(page, (s) => s.pending === 0, 'the promise and options synced');

  await item().locator('[data-testid="step-resolve"]').click();
  await frame().locator('textarea[name="reply"]').fill('已电话告知客户补发安排');
  await frame().locator('[data-testid="save-resolve"]').click();
  const refused = frame().locator('[data-testid="field-error"][data-field="result"]');
  await refused.waitFor({ timeout: UI_TIMEOUT });
  expect(await refused.innerText()).toBe('Record the result: what was done.');
  expect((await sidebarSyncStatus(page)).pending).toBe(0);
  await browser.syncNow();
  expect((await serverRows('serviceItem'))[0]).toMatchObject({ stage: 'options', reply: null, result: null });

  await frame().locator('textarea[name="result"]').fill('补发 200 件，客户已签收');
  await frame().locator('[data-testid="save-resolve"]').click();
  await item().locator('[data-testid="service-stage"][data-stage="return_visit"]').waitFor({ timeout: UI_TIMEOUT });
  await browser.syncNow();
  await waitUntil(
    async () => (await serverRows('followUp')).map((f) => `${f.purpose}:${f.status}`).sort(),
    (f) => f.join() === 'complaint_promised_reply:done,complaint_return_visit:open,complaint_return_visit:open',
    { timeout: SYNC_TIMEOUT, message: 'the server made the return visits and closed the promise' },
  );
});

test('a visit planned and reported in the sidebar; a manager reviews the report on the options page', async () => {
  const panel = frame().locator('[data-testid="visit-panel"]');
  await panel.locator('[data-testid="plan-visit"]').click({ timeout: UI_TIMEOUT });
  await panel.locator('input[name="plannedAt"]').fill(localInput(2));
  await panel.locator('input[name="contactIds"]').first().check();
  await panel.locator('textarea[name="purpose"]').fill('拜访采购总监，处理投诉后续');
  await panel.locator('textarea[name="expectedResult"]').fill('恢复月度订单');
  await panel.locator('[data-testid="save-visit-plan"]').click();
  await panel.locator('[data-testid="visit-brief"] [data-testid="brief-service"]').waitFor({ timeout: UI_TIMEOUT });

  await panel.locator('[data-testid="report-visit"]').click();
  await panel.locator('textarea[name="outcome"]').fill('客户接受补发，恢复下月订单');
  await panel.locator('textarea[name="needs"]').fill('交期缩短到两周');
  await panel.locator('[data-testid="save-visit-report"]').click();
  await panel.locator('[data-testid="visit-item"][data-status="held"]').waitFor({ timeout: UI_TIMEOUT });
  await browser.syncNow();
  await waitForSidebarSync(page, (s) => s.pending === 0, 'the visit synced');
  const scope = await pullAll(admin);
  expect(scope.timelineItems.filter((t) => t.kind === 'visit')).toHaveLength(1);
  expect((scope.customers[0]!.needs as { lastNeed: string }).lastNeed).toBe('交期缩短到两周');
  expect(scope.of('followUp').filter((f) => f.source === 'visit').map((f) => f.purpose).sort()).toEqual(['visit_proposal', 'visit_thank_you']);

  // The manager signs in on this browser: the queue lists the unreviewed report.
  const options = await browser.openOptions();
  await options.locator('button[data-testid=sign-out]').click({ timeout: UI_TIMEOUT });
  await options.locator('[data-testid=sync-status][data-state="signed-out"]').waitFor({ timeout: UI_TIMEOUT });
  await browser.signIn(server.url, manager.email, manager.code);
  await browser.syncNow();
  const entry = options.locator('[data-testid="review-queue"] [data-testid="review-entry"]');
  await entry.waitFor({ timeout: SYNC_TIMEOUT });
  expect(await entry.innerText()).toContain('客户接受补发，恢复下月订单');
  await entry.locator('textarea[name="comment"]').fill('很好，周五前发出补发单');
  await entry.locator('[data-testid="mark-reviewed"]').click();
  await options.locator('[data-testid="review-queue"]', { hasText: 'Every visit report has been reviewed.' }).waitFor({ timeout: UI_TIMEOUT });
  await browser.syncNow();
  const [visit] = (await pullAll(admin)).of('visit');
  expect(visit!.review).toMatchObject({ comment: '很好，周五前发出补发单' });
});

import { mkdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ExtensionBrowser, SYNC_TIMEOUT, UI_TIMEOUT } from '../support/browser';
import { startE2eWorld, type E2eWorld } from '../support/e2e-world';
import { repoRoot } from '../support/paths';

// Issue 9: a manager opens the dashboard from the popup, sees the charts drawn, drills into the
// overdue follow-ups and exports them to CSV, and prints; a rep (a Chinese browser) sees only
// their own figures, is offered no other scope, and the server refuses one forced through the
// background; offline, the page says so and loads again when back online.

const SHOTS = path.join(repoRoot, 'test-results', 'e2e');
const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

let world: E2eWorld;
const browsers: ExtensionBrowser[] = [];
let rep1: { email: string; code: string; userId: string };
let manager: { email: string; code: string; userId: string };

async function signedIn(who: { email: string; code: string }, extraArgs: string[] = []): Promise<ExtensionBrowser> {
  const browser = await ExtensionBrowser.launch({ fixture: world.fixture, extraArgs });
  browsers.push(browser);
  await browser.signIn(world.server.url, who.email, who.code);
  await browser.syncNow();
  return browser;
}

/** The popup's "Dashboard" link opens the page in a tab of its own. */
async function dashboardFromPopup(browser: ExtensionBrowser): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  const [page] = await Promise.all([
    browser.context.waitForEvent('page', { predicate: (p) => p.url().endsWith('/dashboard.html'), timeout: UI_TIMEOUT }),
    popup.locator('[data-testid=open-dashboard]').click({ timeout: UI_TIMEOUT }),
  ]);
  await popup.close();
  await page.waitForLoadState();
  return page;
}

/** Every report section answered (none loading, none failed). */
async function allLoaded(page: Page, count: number): Promise<void> {
  await page.locator('section.report[data-state=ok]').nth(count - 1).waitFor({ timeout: SYNC_TIMEOUT });
  expect(await page.locator('section.report:not([data-state=ok])').count()).toBe(0);
}

/** Painted pixels of a chart's canvas: neither transparent nor white. */
const paintedPixels = (page: Page, testId: string) =>
  page.locator(`[data-testid=${testId}] canvas`).first().evaluate((canvas: HTMLCanvasElement) => {
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 0 && (data[i]! < 240 || data[i + 1]! < 240 || data[i + 2]! < 240)) painted++;
    return painted;
  });

beforeAll(async () => {
  world = await startE2eWorld();
  const department = await world.department('华东销售部');
  manager = await world.invite('manager.dashboard@e2e.example', '王经理', 'manager', department);
  rep1 = await world.invite('rep1.dashboard@e2e.example', '李娜', 'sales_rep', department);
  const rep2 = await world.invite('rep2.dashboard@e2e.example', '张伟', 'sales_rep', department);
  const baosteel = uuidv7();
  const acme = uuidv7();
  const pushed = await world.admin.sync.push.mutate({
    mutations: [
      { id: uuidv7(), kind: 'customer.create', baseVersion: null, payload: { id: baosteel, name: '上海宝钢集团有限公司', customerClass: 'A', ownerUserId: rep1.userId } },
      { id: uuidv7(), kind: 'customer.create', baseVersion: null, payload: { id: acme, name: 'Acme Trading, "East" Ltd.', customerClass: 'B', ownerUserId: rep2.userId } },
      // Overdue since two days: the manager's drill-down list.
      { id: uuidv7(), kind: 'followUp.create', baseVersion: null, payload: { id: uuidv7(), customerId: baosteel, ownerUserId: rep1.userId, dueAt: ago(48 * HOUR), reason: '回电确认报价' } },
      { id: uuidv7(), kind: 'followUp.create', baseVersion: null, payload: { id: uuidv7(), customerId: acme, ownerUserId: rep2.userId, dueAt: ago(24 * HOUR), reason: 'Send the revised quote' } },
      // A complaint received 30 h ago without a reply: past its 24 h first-reply deadline.
      {
        id: uuidv7(),
        kind: 'service.create',
        baseVersion: null,
        payload: { id: uuidv7(), customerId: baosteel, type: 'complaint', channel: 'email', ownerUserId: rep1.userId, summary: '交货延迟', receivedAt: ago(30 * HOUR) },
      },
    ],
  });
  expect(pushed.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  for (const browser of browsers) await browser.close().catch(() => undefined);
  await world?.dispose();
});

test('a manager opens the dashboard from the popup and sees the department’s figures drawn as charts', async () => {
  const browser = await signedIn(manager);
  const page = await dashboardFromPopup(browser);
  const violations: string[] = [];
  page.on('console', (m) => m.type() === 'error' && violations.push(m.text()));
  page.on('pageerror', (e) => violations.push(e.message));
  await allLoaded(page, 5);

  // The manager starts on their department; the organisation is not offered.
  await expect(page.locator('input[name=scope]:checked').inputValue()).resolves.toBe('department');
  expect(await page.locator('input[name=scope]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual(['department', 'me']);
  await expect(page.locator('[data-figure="followUps.overdue"] .figure-value').innerText()).resolves.toBe('2');
  await expect(page.locator('[data-figure="service.pastDeadline"] .figure-value').innerText()).resolves.toBe('1');
  await expect(page.locator('[data-figure="customers.current"] .figure-value').innerText()).resolves.toBe('2');

  await page.screenshot({ path: path.join(SHOTS, 'dashboard-manager.png'), fullPage: true });
  for (const chart of ['chart-class', 'chart-stage', 'chart-cadence-rep', 'chart-first-replies', 'chart-new-customers']) {
    expect(await paintedPixels(page, chart), chart).toBeGreaterThan(500);
  }
  expect(violations).toEqual([]);
});

test('the manager drills into the overdue follow-ups and exports them to CSV', async () => {
  const page = browsers[0]!.context.pages().find((p) => p.url().endsWith('/dashboard.html'))!;
  await page.locator('[data-figure="followUps.overdue"]').click();
  const drill = page.locator('[data-testid=drill][data-figure="followUps.overdue"]');
  await drill.locator('[data-testid=drill-table] tbody tr').nth(1).waitFor({ timeout: SYNC_TIMEOUT });
  await expect(drill.locator('tbody').innerText()).resolves.toContain('上海宝钢集团有限公司');
  await expect(drill.locator('tbody').innerText()).resolves.toContain('回电确认报价');
  await expect(drill.locator('tbody').innerText()).resolves.toContain('李娜');

  const [download] = await Promise.all([page.waitForEvent('download', { timeout: UI_TIMEOUT }), drill.locator('[data-testid=export-csv]').click()]);
  expect(download.suggestedFilename()).toBe('followUps.overdue-this-month.csv');
  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
  expect(lines[0]).toMatch(/^Customer,.*Owner/);
  expect(lines).toHaveLength(3);
  expect(lines.find((l) => l.startsWith('上海宝钢集团有限公司'))).toContain('回电确认报价');
  // A name with a comma and quotes stays one cell.
  expect(lines.some((l) => l.startsWith('"Acme Trading, ""East"" Ltd."'))).toBe(true);
});

test('printing is triggered and the print layout renders to a PDF', async () => {
  const page = browsers[0]!.context.pages().find((p) => p.url().endsWith('/dashboard.html'))!;
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.addEventListener('beforeprint', () => (window as unknown as { printed: number }).printed++);
  });
  await page.locator('[data-testid=dashboard-print]').click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed), { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
  // That tab stays in its print preview; "save as PDF" is what Chromium's printToPDF does.
  const fresh = await browsers[0]!.context.newPage();
  await fresh.goto(page.url());
  await allLoaded(fresh, 5);
  await fresh.emulateMedia({ media: 'print' });
  expect(await fresh.locator('[data-testid=dashboard-print]').isVisible()).toBe(false);
  expect(await paintedPixels(fresh, 'chart-class')).toBeGreaterThan(500);
  const pdf = await fresh.pdf({ format: 'A4' });
  await writeFile(path.join(SHOTS, 'dashboard-manager.pdf'), pdf);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(20_000);
});

test('a rep (in Chinese) sees only their own figures, is offered no other scope, and a forced one is refused', async () => {
  const browser = await signedIn(rep1, ['--lang=zh-CN', '--accept-lang=zh-CN']);
  const page = await dashboardFromPopup(browser);
  await allLoaded(page, 5);
  await page.locator('html[lang="zh-CN"]').waitFor({ state: 'attached', timeout: UI_TIMEOUT });
  await expect(page.locator('h1').innerText()).resolves.toBe('管理看板');
  await expect(page.locator('[data-figure="followUps.overdue"] .figure-label').innerText()).resolves.toBe('已逾期');
  expect(await page.locator('[data-testid=scope-picker]').count()).toBe(0);
  await expect(page.locator('[data-figure="customers.current"] .figure-value').innerText()).resolves.toBe('1');
  await expect(page.locator('[data-figure="followUps.overdue"] .figure-value').innerText()).resolves.toBe('1');
  await page.screenshot({ path: path.join(SHOTS, 'dashboard-rep.png'), fullPage: true });

  // The page itself asks the background for the department: the server says no.
  const forced = await page.evaluate(() => {
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
    return runtime.sendMessage({ type: 'report-call', request: { call: 'report', name: 'customers', input: { period: { kind: 'this-month' }, scope: 'department' } } });
  });
  expect(forced).toMatchObject({ ok: false, error: 'forbidden' });
});

test('offline, the dashboard says so instead of failing, and loads again when back online', async () => {
  const browser = browsers[1]!;
  const page = browser.context.pages().find((p) => p.url().endsWith('/dashboard.html'))!;
  await browser.context.setOffline(true);
  try {
    await page.locator('input[name=period][value=last-month]').check();
    await page.locator('[data-testid=report-failure][data-kind=offline]').first().waitFor({ timeout: UI_TIMEOUT });
    expect(await page.locator('section.report[data-state=ok]').count()).toBe(0);
  } finally {
    await browser.context.setOffline(false);
  }
  await allLoaded(page, 5);
  // Last month, before any of this data existed.
  await expect(page.locator('[data-figure="followUps.created"] .figure-value').innerText()).resolves.toBe('0');
});

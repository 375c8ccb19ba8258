import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { pullAll } from '../support/api-client';
import { ExtensionBrowser, SYNC_TIMEOUT, UI_TIMEOUT } from '../support/browser';
import { startE2eWorld, type E2eWorld } from '../support/e2e-world';
import { repoRoot } from '../support/paths';

// An admin imports the GBK CSV that Chinese Excel writes from the options page (mapping, dry
// run, report, import), the customers reach the server and, by sync, the browser's replica, and
// the export of that replica is a CSV Excel reads (BOM) holding them.

let world: E2eWorld;
let browser: ExtensionBrowser;

beforeAll(async () => {
  world = await startE2eWorld();
  const importer = await world.invite('admin.import@e2e.example', '王经理', 'admin');
  browser = await ExtensionBrowser.launch({ fixture: world.fixture });
  await browser.signIn(world.server.url, importer.email, importer.code);
  await browser.syncNow();
});

afterAll(async () => {
  await browser?.close();
  await world?.dispose();
});

test('an admin imports a GBK CSV from the options page after a dry run', async () => {
  const page = await browser.openOptions();
  const buffer = readFileSync(path.join(repoRoot, 'test/fixtures/import/customers-gbk.csv'));
  await page.locator('input[name=importFile]').setInputFiles({ name: 'customers-gbk.csv', mimeType: 'text/csv', buffer });
  const mapping = page.locator('[data-testid=import-mapping]');
  await mapping.waitFor({ timeout: SYNC_TIMEOUT });
  await expect(page.locator('select[data-column="邮箱"]').inputValue()).resolves.toBe('contact.emails');
  // The owner column names someone who is not a member: leave it out rather than fail row 2.
  await page.locator('select[data-column="负责人"]').selectOption('ignore');

  await page.locator('[data-testid=import-dry-run]').click();
  const report = page.locator('[data-testid=import-report]');
  await report.waitFor({ timeout: SYNC_TIMEOUT });
  await expect(report.locator('[data-count=customersToCreate]').innerText()).resolves.toBe('2');
  await expect(report.locator('[data-count=contactsToCreate]').innerText()).resolves.toBe('3');
  await expect(report.locator('[data-count=errorRows]').innerText()).resolves.toBe('0');
  expect(await pullAll(world.admin).then((r) => r.customers.length)).toBe(0);

  await page.locator('[data-testid=import-apply]').click();
  await page.locator('[data-testid=import-done]').waitFor({ timeout: SYNC_TIMEOUT });
  const onServer = await pullAll(world.admin);
  expect(onServer.customers.map((c) => c.name).sort()).toEqual(['Acme Trading Co., Ltd.', '上海宝钢集团有限公司']);
  expect(onServer.contacts).toHaveLength(3);
});

test('the imported customers reach the replica, and export to a CSV with a BOM', async () => {
  await browser.syncNow();
  const page = await browser.openOptions();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: UI_TIMEOUT }),
    page.locator('[data-testid=export-customers]').click(),
  ]);
  const file = await download.path();
  const bytes = readFileSync(file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8');
  expect(text).toContain('上海宝钢集团有限公司');
  expect(text).toContain('"Acme Trading Co., Ltd."');
  await expect(page.locator('[data-testid=export-message]').innerText()).resolves.toMatch(/2/);
});

test('a sales rep sees no import, only export', async () => {
  const rep = await world.invite('rep.import@e2e.example', 'Rep', 'sales_rep');
  const other = await ExtensionBrowser.launch({ fixture: world.fixture });
  try {
    await other.signIn(world.server.url, rep.email, rep.code);
    await other.syncNow();
    const page = await other.openOptions();
    await page.locator('[data-testid=export-panel]').waitFor({ timeout: UI_TIMEOUT });
    expect(await page.locator('[data-testid=import-panel]').count()).toBe(0);
  } finally {
    await other.close();
  }
});

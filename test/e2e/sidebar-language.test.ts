import { afterAll, beforeAll, test } from 'vitest';
import { ExtensionBrowser, SIDEBAR_IFRAME, UI_TIMEOUT } from '../support/browser';
import { startFixtureServer, type FixtureServer } from '../support/fixture-https-server';
import { gmailThreads, type FixtureThread } from '../support/gmail-fixture';

// The UI language follows the browser's (issue 2, item 6): a browser set to Simplified Chinese
// gets the Chinese sidebar, with no sign-in needed to see it.
let fixture: FixtureServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  fixture = await startFixtureServer();
  browser = await ExtensionBrowser.launch({ fixture, extraArgs: ['--lang=zh-CN', '--accept-lang=zh-CN'] });
});

afterAll(async () => {
  await browser?.close();
  await fixture?.close();
});

test('a Chinese browser gets the Chinese sidebar', async () => {
  const [thread] = gmailThreads().distinctSenders(1) as [FixtureThread];
  const page = await browser.openGmail(thread.hash);
  const sidebar = page.frameLocator(SIDEBAR_IFRAME);
  await sidebar.locator('[data-testid="state-signed-out"]', { hasText: '您尚未登录' }).waitFor({ timeout: UI_TIMEOUT });
  await sidebar.locator('html[lang="zh-CN"]').waitFor({ state: 'attached', timeout: UI_TIMEOUT });
});

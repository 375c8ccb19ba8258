import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';

export const HELPDESK = 'https://support.acme-helpdesk.example';
export const ticketUrl = (n: number): string => `${HELPDESK}/tickets/${n}.html`;

/**
 * What the user's "Allow" in Chrome's permission dialog does. Headless Chromium never shows that
 * dialog (permissions.request stays pending), so the test grants the site access the way
 * chrome://extensions does (developerPrivate.addHostPermission). Chrome counts that grant once
 * the extension asks for it in a click, which then resolves at once without a dialog: done here
 * from the options page. Everything the popup does after the user's click is the product's code
 * (its own permissions.request also resolves at once then).
 */
export async function grantSiteAccess(browser: ExtensionBrowser, origin: string): Promise<void> {
  const pattern = `${origin}/*`;
  const settings = await browser.context.newPage();
  try {
    await settings.goto('chrome://extensions');
    await settings.evaluate(
      ([id, host]) =>
        (globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } } }).chrome.developerPrivate.addHostPermission(id!, host!),
      [browser.extensionId, pattern],
    );
  } finally {
    await settings.close();
  }
  const page = await browser.context.newPage();
  try {
    await page.goto(browser.optionsUrl);
    await page.evaluate((host) => {
      const button = document.createElement('button');
      button.id = 'e2e-grant';
      button.onclick = () => {
        const permissions = (globalThis as unknown as { chrome: { permissions: { request(p: object): Promise<boolean> } } }).chrome.permissions;
        void permissions.request({ origins: [host] }).then((granted) => button.setAttribute('data-granted', String(granted)));
      };
      document.body.prepend(button);
    }, pattern);
    await page.click('#e2e-grant');
    await page.locator('#e2e-grant[data-granted="true"]').waitFor({ timeout: 5_000 });
  } finally {
    await page.close();
  }
}

/**
 * The toolbar popup, for the tab `site`: opened as a page behind it, so `site` stays the active
 * tab the popup acts on (as when the user clicks the toolbar button on that tab).
 */
export async function popupFor(browser: ExtensionBrowser, site: Page): Promise<Page> {
  const popup = await browser.context.newPage();
  await site.bringToFront();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  return popup;
}

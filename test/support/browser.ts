import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type Frame, type FrameLocator, type Page, type Worker } from 'playwright-core';
import { HOST_ROOTS, type FixtureServer } from './fixture-https-server';
import { disableFeaturesArgs } from './playwright-default-args';
import { extensionDir as defaultExtensionDir, makeTempDir } from './paths';
import { waitUntil, withTimeout } from './wait';

/** Timeouts for auto-waiting locators: generous for a 2-core CI machine, never a sleep. */
export const UI_TIMEOUT = 15_000;
export const SYNC_TIMEOUT = 30_000;

export const SIDEBAR_IFRAME = 'iframe[data-inbox-crm="sidebar"]';
export const GMAIL_ORIGIN = 'https://mail.google.com';
export const GMAIL_APP_URL = `${GMAIL_ORIGIN}/mail/u/0/`;

export interface LaunchOptions {
  fixture: FixtureServer;
  extensionDir?: string;
  /** Extra Chromium switches (diagnostics). */
  extraArgs?: string[];
  /**
   * Keep Playwright's own --disable-features list, which leaves the sidebar iframe without
   * IndexedDB: the same condition as an enterprise policy that blocks third-party storage
   * (DESIGN.md), for testing the sidebar's fallback through the background.
   */
  withoutIframeStorage?: boolean;
  /**
   * A user-data-dir the caller owns and close() keeps, so launching again with it is the same
   * profile after a browser restart (IndexedDB, storage, alarms). Default: a fresh temp dir.
   */
  profileDir?: string;
}

/**
 * One Chromium profile with the production extension loaded, the fixture hosts mapped in, and
 * the helpers a scenario needs. Each instance owns its temp user-data-dir unless given one.
 */
export class ExtensionBrowser {
  private optionsPage: Page | null = null;

  private constructor(
    readonly context: BrowserContext,
    readonly extensionId: string,
    private readonly worker: Worker,
    private readonly cleanupProfile: () => void,
  ) {}

  /** The extension's service worker; the handle follows Chrome restarting it. */
  get serviceWorker(): Worker {
    return this.worker;
  }

  static async launch(options: LaunchOptions): Promise<ExtensionBrowser> {
    const dir = path.resolve(options.extensionDir ?? defaultExtensionDir);
    if (!existsSync(path.join(dir, 'manifest.json'))) {
      throw new Error(`no built extension at ${dir} (the e2e globalSetup builds it; run \`npm run build\`)`);
    }
    const { port, spki } = options.fixture;
    const features = disableFeaturesArgs();
    const profile = options.profileDir ? { dir: options.profileDir, cleanup: () => {} } : makeTempDir('profile');
    let context: BrowserContext;
    try {
      context = await chromium.launchPersistentContext(profile.dir, {
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        headless: true,
        // Playwright's defaults disable extensions and third-party storage partitioning; the
        // latter leaves the sidebar iframe without IndexedDB (DESIGN.md trap 1).
        ignoreDefaultArgs: ['--disable-extensions', ...(options.withoutIframeStorage ? [] : features.ignore)],
        args: [
          ...(options.withoutIframeStorage ? [] : [features.replacement]),
          `--disable-extensions-except=${dir}`,
          `--load-extension=${dir}`,
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--disable-quic',
          // Real host names → the fixture server; every other name fails, so Chromium's own
          // traffic never leaves the machine. The sync server is reached on 127.0.0.1.
          `--host-resolver-rules=${[...Object.keys(HOST_ROOTS).map((h) => `MAP ${h} 127.0.0.1:${port}`), 'MAP * ~NOTFOUND', 'EXCLUDE localhost', 'EXCLUDE 127.0.0.1'].join(', ')}`,
          `--ignore-certificate-errors-spki-list=${spki}`,
          ...(options.extraArgs ?? []),
        ],
      });
    } catch (error) {
      profile.cleanup();
      throw error;
    }
    try {
      const worker = await waitForExtensionWorker(context);
      const extensionId = new URL(worker.url()).host;
      return new ExtensionBrowser(context, extensionId, worker, profile.cleanup);
    } catch (error) {
      await context.close().catch(() => {});
      profile.cleanup();
      throw error;
    }
  }

  get optionsUrl(): string {
    return `chrome-extension://${this.extensionId}/options.html`;
  }

  /** The options page (one per profile, re-opened if a test closed it). */
  async openOptions(): Promise<Page> {
    if (this.optionsPage && !this.optionsPage.isClosed()) {
      await this.optionsPage.bringToFront();
      return this.optionsPage;
    }
    const page = await this.context.newPage();
    await page.goto(this.optionsUrl);
    this.optionsPage = page;
    return page;
  }

  async signIn(serverUrl: string, email: string, code: string): Promise<void> {
    const page = await this.openOptions();
    await page.locator('input[name=serverUrl]').fill(serverUrl, { timeout: UI_TIMEOUT });
    await page.locator('input[name=email]').fill(email);
    await page.locator('input[name=code]').fill(code);
    await page.locator('button[data-testid=sign-in]').click();
    const signedIn = page.locator('[data-testid=signed-in-as]');
    const error = page.locator('[data-testid=sign-in-error]');
    await signedIn.or(error).first().waitFor({ timeout: SYNC_TIMEOUT });
    if (await error.isVisible()) {
      throw new Error(`sign-in as ${email} failed: ${await error.innerText()}`);
    }
    await page.locator('[data-testid=signed-in-as]', { hasText: email }).waitFor({ timeout: UI_TIMEOUT });
  }

  /**
   * Clicks "sync now" on the options page and waits until the status leaves "syncing" and
   * reaches one of `until` (default: idle), returning the final data-state.
   */
  async syncNow(until: string[] = ['idle']): Promise<string> {
    const page = await this.openOptions();
    await page.locator('button[data-testid=sync-now]').click({ timeout: UI_TIMEOUT });
    const status = page.locator('[data-testid=sync-status]');
    try {
      // Return the state that matched, read in the same check: a second attempt may already be
      // 'syncing' by the time a separate read would run.
      const matched = await page.waitForFunction(
        (states) => {
          const state = document.querySelector('[data-testid=sync-status]')?.getAttribute('data-state');
          return state && states.includes(state) ? state : null;
        },
        until,
        { timeout: SYNC_TIMEOUT },
      );
      return String(await matched.jsonValue());
    } catch (error) {
      const state = await status.getAttribute('data-state').catch(() => null);
      throw new Error(`sync-now did not reach ${until.join('|')} (sync-status data-state=${state})`, { cause: error });
    }
  }

  /** Opens the Gmail fixture at `#<hashRoute>` in a new tab and waits for the sidebar iframe. */
  async openGmail(hashRoute: string): Promise<Page> {
    return this.openHostPage(gmailUrl(hashRoute));
  }

  /** Opens a host page (Gmail, Outlook, an approved portal) in a new tab and waits for the sidebar iframe. */
  async openHostPage(url: string): Promise<Page> {
    const page = await this.context.newPage();
    await page.goto(url);
    await page.locator(SIDEBAR_IFRAME).waitFor({ state: 'attached', timeout: UI_TIMEOUT });
    return page;
  }

  /**
   * Stops the extension's service worker the way Chrome does when it is idle: its memory is gone
   * and the next event starts a fresh one. While Playwright is attached Chrome never stops it by
   * itself (DESIGN.md trap 2), so this closes its DevTools target and then proves a marker set in
   * the old worker's global scope is gone.
   */
  async stopServiceWorker(): Promise<void> {
    // Worker.evaluate and CDP calls take no timeout of their own: bounded here, so a worker that
    // never comes back fails with a reason instead of hanging the scenario.
    await withTimeout(
      this.serviceWorker.evaluate(() => {
        (globalThis as { __e2eMarker?: number }).__e2eMarker = 1;
      }),
      UI_TIMEOUT,
      'a marker set in the running service worker',
    );
    const page = await this.openOptions();
    const cdp = await this.context.newCDPSession(page);
    try {
      const workerTargets = async () =>
        (await cdp.send('Target.getTargets')).targetInfos.filter(
          (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${this.extensionId}/`),
        );
      for (const target of await withTimeout(workerTargets(), UI_TIMEOUT, 'CDP Target.getTargets')) {
        await withTimeout(cdp.send('Target.closeTarget', { targetId: target.targetId }), UI_TIMEOUT, 'CDP Target.closeTarget on the worker');
      }
      await waitUntil(workerTargets, (targets) => targets.length === 0, {
        timeout: UI_TIMEOUT,
        message: 'the extension service worker did not stop',
      });
    } finally {
      await cdp.detach();
    }
    // Wake a fresh worker with an event, as Chrome would (Playwright's handle follows the
    // restart; with no event it would wait for the 1-minute alarm), and look at its memory.
    await page.locator('button[data-testid=sync-now]').click({ timeout: UI_TIMEOUT });
    const marker = await withTimeout(
      this.worker.evaluate(() => (globalThis as { __e2eMarker?: number }).__e2eMarker),
      UI_TIMEOUT,
      'a fresh service worker after the stop (woken by "sync now")',
    );
    if (marker !== undefined) throw new Error('the service worker kept its memory: it was not stopped');
  }

  /** Extension documents Chromium knows of (chrome.runtime.getContexts in the worker). */
  async extensionContexts(): Promise<{ contextType: string; tabId: number; frameId: number; documentUrl: string }[]> {
    return this.serviceWorker.evaluate(async () => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { getContexts(f: object): Promise<any[]> } } }).chrome.runtime;
      const contexts = await runtime.getContexts({});
      return contexts.map((c) => ({
        contextType: String(c.contextType),
        tabId: Number(c.tabId),
        frameId: Number(c.frameId),
        documentUrl: String(c.documentUrl ?? ''),
      }));
    });
  }

  async close(): Promise<void> {
    try {
      await this.context.close();
    } finally {
      this.cleanupProfile();
    }
  }
}

export function gmailUrl(hashRoute: string): string {
  return `${GMAIL_APP_URL}#${hashRoute.replace(/^#/, '')}`;
}

/** SPA navigation inside the already open Gmail fixture (what a click on a thread does). */
export async function gotoThread(page: Page, hashRoute: string): Promise<void> {
  const hash = `#${hashRoute.replace(/^#/, '')}`;
  await page.evaluate((h) => {
    location.hash = h;
  }, hash);
}

/** Locators inside the sidebar; re-resolved on every use, so a re-created iframe is followed. */
export function sidebar(page: Page): FrameLocator {
  return page.frameLocator(SIDEBAR_IFRAME);
}

/** The sidebar iframe's Frame, for evaluate() in the extension origin. */
export async function sidebarFrame(page: Page): Promise<Frame> {
  const handle = await page.locator(SIDEBAR_IFRAME).elementHandle({ timeout: UI_TIMEOUT });
  if (!handle) throw new Error(`no ${SIDEBAR_IFRAME} in ${page.url()}`);
  // The extension page is an out-of-process frame: wait until it has committed its own URL.
  const frame = await waitUntil(
    () => handle.contentFrame(),
    (f) => f !== null && f.url().startsWith('chrome-extension://'),
    { timeout: UI_TIMEOUT, message: 'the sidebar iframe never loaded an extension page' },
  );
  await frame!.waitForLoadState('domcontentloaded', { timeout: UI_TIMEOUT });
  return frame!;
}

/**
 * DESIGN.md trap 1: with Playwright's default --disable-features (ThirdPartyStoragePartitioning
 * off) this Chromium denies IndexedDB to the extension iframe inside a web page. Every scenario
 * calls this first so a Playwright upgrade that changes the switch fails here, clearly.
 */
export async function assertSidebarHasIndexedDb(page: Page): Promise<void> {
  const frame = await sidebarFrame(page);
  const result = await frame.evaluate(
    () =>
      new Promise<{ ok: boolean; detail: string; origin: string }>((resolve) => {
        const name = `e2e-probe-${Math.random().toString(36).slice(2)}`;
        let request: IDBOpenDBRequest;
        try {
          request = indexedDB.open(name);
        } catch (error) {
          resolve({ ok: false, detail: `indexedDB.open threw: ${String(error)}`, origin: location.origin });
          return;
        }
        request.onsuccess = () => {
          request.result.close();
          indexedDB.deleteDatabase(name);
          resolve({ ok: true, detail: 'opened', origin: location.origin });
        };
        request.onerror = () =>
          resolve({
            ok: false,
            detail: `${request.error?.name ?? 'Error'}: ${request.error?.message ?? 'unknown'}`,
            origin: location.origin,
          });
        request.onblocked = () => resolve({ ok: false, detail: 'blocked', origin: location.origin });
      }),
  );
  if (!result.ok) {
    throw new Error(
      `[e2e setup] the sidebar iframe (${result.origin}) cannot open IndexedDB: ${result.detail}.\n` +
        'This is DESIGN.md trap 1: Playwright\'s default --disable-features includes ' +
        'ThirdPartyStoragePartitioning. Check test/support/playwright-default-args.ts still finds ' +
        'Playwright\'s exact switch (node_modules/playwright-core chromiumSwitches) so it is ignored and replaced.',
    );
  }
}

async function waitForExtensionWorker(context: BrowserContext): Promise<Worker> {
  const isExtension = (w: Worker) => w.url().startsWith('chrome-extension://');
  const existing = context.serviceWorkers().find(isExtension);
  if (existing) return existing;
  try {
    return await context.waitForEvent('serviceworker', { predicate: isExtension, timeout: UI_TIMEOUT });
  } catch (error) {
    throw new Error('the extension service worker never started (is the extension built and loadable?)', {
      cause: error,
    });
  }
}


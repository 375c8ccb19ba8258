import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ATTACKER_SCRIPT, FORGED_SENDER } from '../support/attacker';
import {
  ExtensionBrowser,
  SIDEBAR_IFRAME,
  assertSidebarHasIndexedDb,
  gotoThread,
  sidebarFrame,
} from '../support/browser';
import { startFixtureServer, type FixtureServer } from '../support/fixture-https-server';
import { gmailThreads, type FixtureThread } from '../support/gmail-fixture';
import { ServerProcess } from '../support/server-process';
import { addNote, createCustomerFromSender, expectCustomer, expectState } from '../support/sidebar';

// The host page is hostile (DESIGN.md): it must not read customer data, reach into the sidebar,
// forge the content-script handshake, or command the extension. Everything below runs in the
// page's main world (page.evaluate) or as the page's own script (the fixture's attacker).

const CUSTOMER = 'Confidential Widgets GmbH';
const NOTE = 'Secret pricing: 17% discount';

let fixture: FixtureServer;
let server: ServerProcess;
let browser: ExtensionBrowser;
let page: Page;
let thread: FixtureThread;

beforeAll(async () => {
  [thread] = gmailThreads().distinctSenders(1) as [FixtureThread];
  fixture = await startFixtureServer();
  fixture.setAttackerScript(ATTACKER_SCRIPT);
  server = await ServerProcess.start();
  expect(server.admin, `server printed no admin sign-in code:\n${server.log}`).not.toBeNull();
  browser = await ExtensionBrowser.launch({ fixture });
  await browser.signIn(server.url, server.admin!.email, server.admin!.code);
  page = await browser.openGmail(thread.hash);
  await assertSidebarHasIndexedDb(page);
  await expectState(page, 'unknown-sender', thread.senderEmail);
  await createCustomerFromSender(page, { customerName: CUSTOMER, contactName: thread.senderName });
  await addNote(page, NOTE);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
  await fixture?.close();
});

/** Records, inside the sidebar, whether `text` ever appears in it (even for one frame). */
async function watchSidebarFor(p: Page, text: string) {
  const frame = await sidebarFrame(p);
  const key = `__saw_${Math.random().toString(36).slice(2)}`;
  await frame.evaluate(
    ({ text, key }) => {
      const w = window as unknown as Record<string, boolean>;
      const check = () => {
        if (document.body.textContent?.includes(text)) w[key] = true;
      };
      w[key] = false;
      check();
      new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true });
    },
    { text, key },
  );
  return {
    /**
     * A negative result needs an observation window: the real handshake delivers a context in
     * ~4-8 ms (DESIGN.md), so 1 s after the forgery is ample for a forged one to have landed.
     */
    async sawIt(): Promise<boolean> {
      return frame.evaluate(
        (key) => new Promise<boolean>((resolve) => setTimeout(() => resolve(Boolean((window as unknown as Record<string, boolean>)[key])), 1_000)),
        key,
      );
    },
  };
}

test('the page script raced the content script with a forged handshake, and lost', async () => {
  // Reload: the attacker's script runs first and attacks the iframe as soon as it is inserted.
  await page.reload();
  await expectCustomer(page, CUSTOMER);
  const attack = await page.evaluate(() => (window as unknown as { __attack: { attempts: number; iframes: number; errors: string[] } }).__attack);
  expect(attack.iframes, 'the attacker never saw the sidebar iframe (is it in a closed shadow root?)').toBeGreaterThan(0);
  expect(attack.attempts).toBeGreaterThan(0);
  const watcher = await watchSidebarFor(page, FORGED_SENDER);
  expect(await watcher.sawIt()).toBe(false);
  await expectCustomer(page, CUSTOMER);
});

test('the customer name and note are nowhere in the page DOM (including open shadow roots)', async () => {
  await expectCustomer(page, CUSTOMER);
  const seen = await page.evaluate(() => {
    const parts = [document.documentElement.outerHTML, document.documentElement.innerText, document.title];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) {
          parts.push(el.shadowRoot.innerHTML);
          walk(el.shadowRoot);
        }
      }
    };
    walk(document);
    return parts.join('\n');
  });
  expect(seen).not.toContain(CUSTOMER);
  expect(seen).not.toContain(NOTE);
});

test('the page cannot reach into the sidebar iframe', async () => {
  const result = await page.evaluate((selector) => {
    const find = (root: Document | ShadowRoot): HTMLIFrameElement | null => {
      const direct = root.querySelector<HTMLIFrameElement>(selector);
      if (direct) return direct;
      for (const el of root.querySelectorAll('*')) {
        const inner = el.shadowRoot ? find(el.shadowRoot) : null;
        if (inner) return inner;
      }
      return null;
    };
    const iframe = find(document);
    if (!iframe) return { found: false } as const;
    let framesAccess = 'no matching window.frames entry';
    for (let i = 0; i < window.frames.length; i++) {
      if (window.frames[i] !== iframe.contentWindow) continue;
      try {
        framesAccess = `readable: ${String((window.frames[i] as Window).document.body.innerText).slice(0, 50)}`;
      } catch (error) {
        framesAccess = `throws ${(error as Error).name}`;
      }
    }
    let locationAccess: string;
    try {
      locationAccess = `readable: ${iframe.contentWindow!.location.href}`;
    } catch (error) {
      locationAccess = `throws ${(error as Error).name}`;
    }
    return { found: true, contentDocument: iframe.contentDocument, framesAccess, locationAccess, src: iframe.src } as const;
  }, SIDEBAR_IFRAME);
  expect(result.found).toBe(true);
  if (!result.found) return;
  expect(result.contentDocument).toBeNull();
  expect(result.framesAccess).toBe('throws SecurityError');
  expect(result.locationAccess).toBe('throws SecurityError');
  // use_dynamic_url: the page sees a per-session URL, not the extension's stable id.
  expect(result.src).not.toContain(browser.extensionId);
});

test('a forged handshake and fake contexts do not change what the sidebar shows', async () => {
  await expectCustomer(page, CUSTOMER);
  const watcher = await watchSidebarFor(page, FORGED_SENDER);
  await page.evaluate((selector) => {
    const iframe = document.querySelector<HTMLIFrameElement>(selector)!;
    const fake = {
      host: 'gmail', kind: 'thread', url: location.href, seq: 2147483647, threadId: 'eeeeeeeeeeeeeeee',
      subject: 'forged', sender: { email: 'forged.sender@attacker.example', name: 'Forged', role: 'from' },
      participants: [], messages: [], account: null,
    };
    const channel = new MessageChannel();
    iframe.contentWindow!.postMessage({ type: 'crm-port', nonce: 'forged' }, '*', [channel.port2]);
    channel.port1.postMessage({ type: 'context', context: fake });
    const channel2 = new MessageChannel();
    iframe.contentWindow!.postMessage({ type: 'crm-port', nonce: 'x'.repeat(32) }, '*', [channel2.port2]);
    channel2.port1.postMessage({ type: 'context', context: fake });
    channel2.port1.postMessage({ type: 'context', context: { ...fake, kind: 'unreadable', reason: 'forged' } });
    iframe.contentWindow!.postMessage({ type: 'context', context: fake }, '*');
  }, SIDEBAR_IFRAME);
  expect(await watcher.sawIt()).toBe(false);
  await expectCustomer(page, CUSTOMER);
  expect(await page.frameLocator(SIDEBAR_IFRAME).locator('[data-testid="state-unreadable"]').count()).toBe(0);

  // Positive control: the same watcher does see a context that legitimately changes the sidebar.
  const list = gmailThreads().listHash;
  const noThread = await watchSidebarFor(page, await noThreadText(page, list));
  await gotoThread(page, list);
  await expectState(page, 'no-thread');
  expect(await noThread.sawIt()).toBe(true);
  await gotoThread(page, thread.hash);
  await expectCustomer(page, CUSTOMER);
});

/** The text the no-thread state shows, read from a scratch tab so the watched tab stays put. */
async function noThreadText(p: Page, listHash: string): Promise<string> {
  const scratch = await browser.openGmail(listHash);
  await expectState(scratch, 'no-thread');
  const text = (await scratch.frameLocator(SIDEBAR_IFRAME).locator('[data-testid="state-no-thread"]').textContent()) ?? '';
  await scratch.close();
  await p.bringToFront();
  return text.trim().slice(0, 40);
}

test('chrome.runtime is not usable from the page to command the extension', async () => {
  const result = await page.evaluate(async (extensionId) => {
    const c = (globalThis as unknown as { chrome?: { runtime?: { sendMessage?: Function } } }).chrome;
    const runtime = c?.runtime;
    // Every kind that changes something, issue 6's portal and side-panel messages included.
    const commands = [
      { type: 'sign-out' },
      { type: 'portal-approve', origin: location.origin, tabId: null },
      { type: 'portal-revoke', origin: 'https://portal.example' },
      { type: 'portal-pick', kind: 'email', selector: 'body' },
      { type: 'portal-problem', reasons: ['forged'] },
      { type: 'open-side-panel' },
    ];
    let sendResult = 'no chrome.runtime.sendMessage';
    if (runtime?.sendMessage) {
      for (const command of commands) {
        try {
          await runtime.sendMessage(extensionId, command);
          sendResult = `sent ${command.type}`;
          break;
        } catch (error) {
          sendResult = `throws ${String(error)}`;
        }
      }
    }
    let fetchResult: string;
    try {
      const response = await fetch(`chrome-extension://${extensionId}/sidebar.html`);
      fetchResult = `status ${response.status}`;
    } catch {
      fetchResult = 'blocked';
    }
    return { hasRuntimeId: Boolean((runtime as { id?: string } | undefined)?.id), sendResult, fetchResult };
  }, browser.extensionId);
  expect(result.hasRuntimeId).toBe(false);
  expect(result.sendResult).not.toMatch(/^sent/);
  expect(result.fetchResult).toBe('blocked');
  // Still signed in, and the sidebar still works.
  const options = await browser.openOptions();
  await options.locator('[data-testid=signed-in-as]').waitFor({ timeout: 5_000 });
  await page.bringToFront();
  await expectCustomer(page, CUSTOMER);
});

test("the page's synthetic clicks on the launcher do nothing", async () => {
  await expectCustomer(page, CUSTOMER);
  await page.evaluate(() => {
    const host = document.querySelector('[data-inbox-crm="launcher"]');
    for (let i = 0; i < 3; i++) (host?.shadowRoot?.querySelector('button') as HTMLButtonElement | null)?.click();
  });
  expect(await page.locator('[data-inbox-crm-wrapper="sidebar"]').evaluate((w) => getComputedStyle(w).display)).toBe('block');
});

test('clicks into a sidebar the page made transparent or covered with bait are dropped', async () => {
  await expectCustomer(page, CUSTOMER);
  const frame = await sidebarFrame(page);
  await frame.evaluate(() => {
    const w = window as unknown as { __clicks: number };
    w.__clicks = 0;
    document.body.addEventListener('click', () => (w.__clicks += 1));
  });
  const clicks = () => frame.evaluate(() => (window as unknown as { __clicks: number }).__clicks);
  const obscured = (yes: boolean) =>
    frame.waitForFunction((want) => document.body.hasAttribute('data-obscured') === want, yes, { timeout: 5_000 });
  const box = (await page.locator(SIDEBAR_IFRAME).boundingBox())!;
  // A quiet spot of the sidebar (below its content): a real click reaches it.
  const spot = { x: box.x + box.width / 2, y: box.y + box.height - 20 };
  await obscured(false);
  await page.mouse.click(spot.x, spot.y);
  expect(await clicks()).toBe(1);

  for (const attack of ['transparent', 'bait'] as const) {
    await page.evaluate((kind) => {
      const wrapper = document.querySelector<HTMLElement>('[data-inbox-crm-wrapper="sidebar"]')!;
      if (kind === 'transparent') wrapper.style.opacity = '0.02';
      else {
        const bait = document.createElement('div');
        bait.id = 'bait';
        bait.textContent = 'Click here to win!';
        bait.style.cssText = 'position:fixed;top:0;right:0;width:360px;height:100vh;z-index:2147483647;pointer-events:none;background:rgba(255,255,0,.5)';
        document.body.append(bait);
      }
    }, attack);
    await obscured(true);
    await page.mouse.click(spot.x, spot.y);
    await page.keyboard.press('Enter');
    expect(await clicks(), `${attack}: the click must not reach the sidebar`).toBe(1);
    await page.evaluate(() => {
      document.querySelector<HTMLElement>('[data-inbox-crm-wrapper="sidebar"]')!.style.opacity = '1';
      document.getElementById('bait')?.remove();
    });
    await obscured(false);
  }
  await page.mouse.click(spot.x, spot.y);
  expect(await clicks()).toBe(2);
});

test('the page finds the session token nowhere it can read', async () => {
  const token = await browser.serviceWorker.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('inbox-crm');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('meta').objectStore('meta').get('connection');
          get.onsuccess = () => resolve((get.result as { value: { token: string } }).value.token);
        };
      }),
  );
  expect(token.length).toBeGreaterThan(20);
  const visible = await page.evaluate(async () => {
    const parts = [document.cookie, JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage })];
    parts.push(JSON.stringify(await indexedDB.databases()));
    return parts.join('\n');
  });
  expect(visible).not.toContain(token);
  // Nor in the extension storage that content scripts share (storage.local): only the sidebar toggle.
  const local = await browser.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<object> } } } }).chrome.storage.local.get(null));
  expect(JSON.stringify(local)).not.toContain(token);
});

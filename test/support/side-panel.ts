import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';
import { UI_TIMEOUT } from './browser';
import { waitUntil } from './wait';

/**
 * The extension's page in Chrome's side panel. Playwright lists no page for it (STACK.md), so it
 * is reached through CDP: attach to its target and evaluate there (Target.sendMessageToTarget,
 * which needs no flat session).
 */
type Reply = { id?: number; result?: { result?: { value?: unknown } }; error?: unknown };

export class SidePanel {
  private nextId = 1;
  private readonly pending = new Map<number, (message: Reply) => void>();

  private constructor(
    private readonly cdp: CDPSession,
    private readonly sessionId: string,
  ) {
    cdp.on('Target.receivedMessageFromTarget', (event: { sessionId?: string; message: string }) => {
      if (event.sessionId !== this.sessionId) return;
      const message = JSON.parse(event.message) as Reply;
      if (message.id !== undefined) this.pending.get(message.id)?.(message);
    });
  }

  /** Waits until the side panel is open and attaches to it (through a CDP session of `via`). */
  static async attach(browser: ExtensionBrowser, via: Page): Promise<SidePanel> {
    const cdp = await browser.context.newCDPSession(via);
    const target = await waitUntil(
      async () => (await cdp.send('Target.getTargets')).targetInfos.find((t) => t.url.endsWith('/sidepanel.html')),
      (t) => t !== undefined,
      { timeout: UI_TIMEOUT, message: 'the side panel did not open (no sidepanel.html target)' },
    );
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target!.targetId, flatten: false });
    return new SidePanel(cdp, sessionId);
  }

  /** Evaluates an expression (a string: it runs in the panel, not here) and returns its value. */
  async evaluate<T>(expression: string): Promise<T> {
    const id = this.nextId++;
    const answer = new Promise<Reply>((resolve) => this.pending.set(id, resolve));
    const message = { id, method: 'Runtime.evaluate', params: { expression, awaitPromise: true, returnByValue: true } };
    await this.cdp.send('Target.sendMessageToTarget' as never, { sessionId: this.sessionId, message: JSON.stringify(message) } as never);
    const reply = await answer;
    this.pending.delete(id);
    if (reply.error) throw new Error(`side panel evaluate failed: ${JSON.stringify(reply.error)}`);
    return reply.result?.result?.value as T;
  }

  /** The text of the first element matching `selector` in the panel, or null. */
  text(selector: string): Promise<string | null> {
    return this.evaluate(`document.querySelector(${JSON.stringify(selector)})?.textContent?.trim() ?? null`);
  }

  /** Waits until `selector` in the panel shows `expected` (exactly, trimmed) or, with null, exists. */
  async waitFor(selector: string, expected: string | null = null, timeout = UI_TIMEOUT): Promise<void> {
    await waitUntil(
      () => this.text(selector),
      (text) => text !== null && (expected === null || text === expected),
      { timeout, message: `side panel: ${selector}${expected === null ? '' : ` = "${expected}"`} (body: see panel)` },
    ).catch(async (error: unknown) => {
      const body = await this.text('body').catch(() => '(unreadable)');
      throw new Error(`${String(error)}\nside panel shows: ${body?.replace(/\s+/g, ' ').slice(0, 400)}`);
    });
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
  }
}

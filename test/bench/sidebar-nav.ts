import { inPage } from './in-page';
import type { Frame, Page } from 'playwright-core';
import type { BenchThread } from './threads';

export type SidebarSample = {
  hash: string;
  /** host page: timeOrigin+now just before location.hash is set */
  start: number;
  /** sidebar: the previous card left the DOM (the new context arrived and was rendered) */
  cleared: number | null;
  /** sidebar: the expected name is in the DOM */
  shown: number;
  /** sidebar: the next animation frame after that (the paint) */
  painted: number;
};

const NAV_TIMEOUT_MS = 10_000;

/**
 * One navigation measured as DESIGN.md says: the page records timeOrigin+now and sets
 * location.hash; a MutationObserver in the sidebar frame (installed BEFORE the navigation) waits
 * for [data-testid=customer-name] to read the expected name, then a rAF callback stamps the paint.
 */
export async function measureSidebarNavigation(page: Page, frame: Frame, thread: BenchThread): Promise<SidebarSample> {
  await inPage(frame, (expected) => {
    const w = window as unknown as { __benchResult?: Promise<unknown> };
    const now = () => performance.timeOrigin + performance.now();
    const nameText = () => document.querySelector('[data-testid=customer-name]')?.textContent?.trim() ?? null;
    const previous = nameText();
    w.__benchResult = new Promise((resolve) => {
      let cleared: number | null = null;
      const observer = new MutationObserver(() => {
        const text = nameText();
        if (cleared === null && text !== previous) cleared = now();
        if (text !== expected) return;
        observer.disconnect();
        const shown = now();
        requestAnimationFrame(() => resolve({ cleared, shown, painted: now() }));
      });
      observer.observe(document, { subtree: true, childList: true, characterData: true });
    });
  }, thread.customerName);
  const start = await inPage(page, (hash) => {
    const t = performance.timeOrigin + performance.now();
    location.hash = hash;
    return t;
  }, `#${thread.hash}`);
  const result = await inPage(frame, 
    (timeout) =>
      Promise.race([
        (window as unknown as { __benchResult: Promise<unknown> }).__benchResult,
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), timeout)),
      ]),
    NAV_TIMEOUT_MS,
  ).catch(async (error: unknown) => {
    const shown = await inPage(frame, () => document.body.innerText.replace(/\s+/g, ' ').slice(0, 300)).catch(
      (e: unknown) => `(unreadable: ${String(e)})`);
    throw new Error(`sidebar never showed "${thread.customerName}" for ${thread.senderEmail} within ${NAV_TIMEOUT_MS} ms (${String(error)}); it shows: ${shown}`);
  });
  return { hash: thread.hash, start, ...(result as Omit<SidebarSample, 'hash' | 'start'>) };
}

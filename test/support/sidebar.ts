import type { FrameLocator, Locator, Page } from 'playwright-core';
import { SIDEBAR_IFRAME, SYNC_TIMEOUT, UI_TIMEOUT, sidebar } from './browser';
import { waitUntil } from './wait';

/** Locator-level helpers for the sidebar UI contract (data-testid names are fixed). */

export const exactly = (text: string) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

export const testId = (frame: FrameLocator, id: string): Locator => frame.locator(`[data-testid="${id}"]`);

export type SidebarState = 'signed-out' | 'unreadable' | 'no-thread' | 'unknown-sender' | 'no-sender' | 'no-recipient';

export async function expectState(page: Page, state: SidebarState, hasText?: string): Promise<void> {
  const locator = sidebar(page).locator(`[data-testid="state-${state}"]`, hasText ? { hasText } : {});
  await waitVisible(locator, `sidebar state-${state}${hasText ? ` containing "${hasText}"` : ''}`, page);
}

/** The customer card shows exactly this customer name. */
export async function expectCustomer(page: Page, name: string, timeout = UI_TIMEOUT): Promise<void> {
  const locator = sidebar(page).locator('[data-testid="customer-card"] [data-testid="customer-name"]', {
    hasText: exactly(name),
  });
  await waitVisible(locator, `customer card for "${name}"`, page, timeout);
}

export async function customerCardCount(page: Page): Promise<number> {
  return testId(sidebar(page), 'customer-card').count();
}

/** From the unknown-sender state: fill the create form and create the customer. */
export async function createCustomerFromSender(
  page: Page,
  values: { customerName: string; contactName?: string },
): Promise<void> {
  const frame = sidebar(page);
  await frame.locator('input[name=customerName]').fill(values.customerName, { timeout: UI_TIMEOUT });
  if (values.contactName !== undefined) await frame.locator('input[name=contactName]').fill(values.contactName);
  await frame.locator('button[data-testid=create-customer]').click();
  await expectCustomer(page, values.customerName);
}

export async function addNote(page: Page, text: string): Promise<void> {
  const frame = sidebar(page);
  const before = await timelineItems(page).count();
  await frame.locator('textarea[name=note]').fill(text, { timeout: UI_TIMEOUT });
  await frame.locator('button[data-testid=add-note]').click();
  await waitVisible(timelineItems(page).filter({ hasText: text }), `timeline item "${text}"`, page);
  await expectTimelineCount(page, before + 1);
}

export function timelineItems(page: Page): Locator {
  return sidebar(page).locator('[data-testid="timeline"] [data-testid="timeline-item"]');
}

export async function expectTimelineCount(page: Page, count: number, timeout = UI_TIMEOUT): Promise<void> {
  await waitUntil(() => timelineItems(page).count(), (n) => n === count, {
    timeout,
    message: `expected ${count} timeline items in the sidebar`,
  });
}

/** The sidebar's sync badge: data-state and data-pending (number of unsent local changes). */
export async function sidebarSyncStatus(page: Page): Promise<{ state: string | null; pending: number }> {
  const status = testId(sidebar(page), 'sync-status');
  const [state, pending] = await Promise.all([
    status.getAttribute('data-state', { timeout: UI_TIMEOUT }),
    status.getAttribute('data-pending', { timeout: UI_TIMEOUT }),
  ]);
  return { state, pending: Number(pending ?? 'NaN') };
}

export async function waitForSidebarSync(
  page: Page,
  done: (s: { state: string | null; pending: number }) => boolean,
  message: string,
): Promise<{ state: string | null; pending: number }> {
  return waitUntil(() => sidebarSyncStatus(page), done, { timeout: SYNC_TIMEOUT, message });
}

async function waitVisible(locator: Locator, what: string, page: Page, timeout = UI_TIMEOUT): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      await locator.first().waitFor({ state: 'visible', timeout: Math.max(1, deadline - Date.now()) });
      return;
    } catch (error) {
      // The sidebar is an out-of-process frame: when the content script re-creates the iframe
      // while Playwright waits inside the old one, the wait fails with "Target ... closed"
      // instead of re-resolving. That is a detached frame, not a verdict: wait again.
      const detached = /has been closed|detached/i.test(String(error)) && !page.isClosed();
      if (detached && Date.now() < deadline) continue;
      throw new Error(`${what} not shown within ${timeout} ms. Sidebar now shows:\n${await describeSidebar(page)}`, {
        cause: error,
      });
    }
  }
}

/**
 * Clicks `trigger` until `shown` appears (at most 3 clicks). Right after the sidebar loads, a
 * click can land before its out-of-process frame takes input: Playwright reports the click, the
 * frame's document never receives it (seen after a reload), and a second click works.
 */
export async function clickUntilShown(trigger: Locator, shown: Locator): Promise<void> {
  for (let attempt = 0; attempt < 3 && (await shown.count()) === 0; attempt++) {
    await trigger.click({ timeout: UI_TIMEOUT });
    await shown.first().waitFor({ timeout: 2_000 }).catch(() => undefined);
  }
  await shown.first().waitFor({ timeout: UI_TIMEOUT });
}

/** A short text dump of the sidebar's visible state, for failure messages. */
export async function describeSidebar(page: Page): Promise<string> {
  try {
    if ((await page.locator(SIDEBAR_IFRAME).count()) === 0) return '(no sidebar iframe in the page)';
    const body = sidebar(page).locator('body');
    const ids = await sidebar(page)
      .locator('[data-testid]')
      .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-testid')}${e.getAttribute('data-state') ? `[${e.getAttribute('data-state')}]` : ''}`));
    const text = (await body.innerText({ timeout: 2_000 })).replace(/\s+/g, ' ').slice(0, 600);
    return `test-ids: ${ids.join(', ')}\ntext: ${text}`;
  } catch (error) {
    return `(sidebar not readable: ${String(error).split('\n')[0]})`;
  }
}

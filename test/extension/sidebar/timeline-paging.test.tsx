// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { SelectedCustomer } from '../../../extension/sidebar/components/selected-customer';
import { Timeline } from '../../../extension/sidebar/components/timeline';
import { localSidebarData } from '../../../extension/sidebar/data/local-data';
import { SidebarDataContext, type SidebarData } from '../../../extension/sidebar/data/sidebar-data';
import type { LocalDb } from '../../../extension/local-db/db';
import { freshDb, localCustomer, timelineItem } from '../local-db/helpers';
import { $, click, mount, signIn, waitFor } from './render-sidebar';

/**
 * Timeline paging in the sidebar. The replica holds a customer's whole timeline, so "show older"
 * reads further into it. For a customer the replica does not hold, what the sidebar shows for each answer the background
 * can give (the successful path, paging and an unreachable server run end to end in
 * test/e2e/server-timeline.test.ts). The replica is real (fake-indexeddb); only the server's
 * answer is chosen here.
 */
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function show(db: LocalDb, id: string, answer: Awaited<ReturnType<SidebarData['serverTimelinePage']>>) {
  const asked: string[] = [];
  const data: SidebarData = {
    ...localSidebarData(db),
    serverTimelinePage: async (input) => (asked.push(input.customerId), answer),
  };
  const root = document.createElement('div');
  document.body.append(root);
  render(
    <SidebarDataContext.Provider value={data}>
      <SelectedCustomer id={id} onBack={() => undefined} />
    </SidebarDataContext.Provider>,
    root,
  );
  cleanup = () => (render(null, root), root.remove());
  return { root, asked };
}

describe('a customer the replica does not hold', () => {
  it('shows the server page with a notice, and no "show older" on the last page', async () => {
    const db = freshDb();
    await signIn(db);
    const id = uuidv7();
    const item = timelineItem(id, { summary: '<b>服务器上的记录</b> from the server' });
    const { root, asked } = show(db, id, { ok: true, value: { items: [item], nextCursor: null } });
    await waitFor(() => $(root, '[data-testid="server-timeline-notice"]'), 'the notice');
    expect(asked).toEqual([id]);
    const summary = await waitFor(() => $(root, '[data-testid="timeline-item"] .summary'), 'the item');
    // Text only, never markup.
    expect(summary.textContent).toBe('<b>服务器上的记录</b> from the server');
    expect(summary.querySelector('b')).toBeNull();
    expect($(root, '[data-testid="server-timeline-older"]')).toBeNull();
  });

  it('a customer the server does not show this user is "not found", not an empty timeline', async () => {
    const db = freshDb();
    await signIn(db);
    const { root } = show(db, uuidv7(), { ok: false, error: 'conflict', reason: 'customer not found' });
    await waitFor(() => $(root, '[data-testid="server-timeline-not-found"]'), 'not found');
    expect($(root, '[data-testid="timeline"]')).toBeNull();
  });

  it('a server error says so with the reason and shows what the replica holds', async () => {
    const db = freshDb();
    await signIn(db);
    const id = uuidv7();
    await db.timeline.put(timelineItem(id, { summary: 'kept on this device' }));
    const { root } = show(db, id, { ok: false, error: 'error', reason: 'the database is unavailable; try again shortly' });
    const notice = await waitFor(() => $(root, '[data-testid="server-timeline-offline"]'), 'the notice');
    expect(notice.textContent).toContain('the database is unavailable');
    await waitFor(() => [...root.querySelectorAll('[data-testid="timeline-item"] .summary')].find((e) => e.textContent === 'kept on this device'), 'the replica item');
  });

  it('is not asked for once the replica holds the customer', async () => {
    const db = freshDb();
    await signIn(db);
    const held = localCustomer({ name: '已同步客户' });
    await db.customers.put(held);
    const { root, asked } = show(db, held.id, { ok: true, value: { items: [], nextCursor: null } });
    await waitFor(() => $(root, '[data-testid="selected-customer-name"]'), 'the replica view');
    expect(asked).toEqual([]);
    expect($(root, '[data-testid="server-timeline"]')).toBeNull();
  });
});

describe('a customer the replica holds', () => {
  it('shows the newest 100 lines and reads older ones from the replica on "show older"', async () => {
    const db = freshDb();
    await signIn(db);
    const id = uuidv7();
    await db.timeline.bulkPut(
      Array.from({ length: 150 }, (_, i) => timelineItem(id, { summary: `line ${i}`, occurredAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString() })),
    );
    const view = mount(db, <Timeline customerId={id} />);
    cleanup = view.unmount;
    const lines = () => [...view.root.querySelectorAll('[data-testid="timeline-item"] .summary')].map((e) => e.textContent);
    await waitFor(() => lines().length === 100, '100 lines');
    expect(lines()[0]).toBe('line 149');
    click(await waitFor(() => $(view.root, '[data-testid="timeline-older"]'), 'show older'));
    await waitFor(() => lines().length === 150, '150 lines');
    expect(lines().at(-1)).toBe('line 0');
    expect($(view.root, '[data-testid="timeline-older"]')).toBeNull();
  });
});

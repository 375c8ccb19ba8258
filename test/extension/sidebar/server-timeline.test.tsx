// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { SelectedCustomer } from '../../../extension/sidebar/components/selected-customer';
import { localSidebarData } from '../../../extension/sidebar/data/local-data';
import { SidebarDataContext, type SidebarData } from '../../../extension/sidebar/data/sidebar-data';
import type { LocalDb } from '../../../extension/local-db/db';
import { freshDb, localCustomer, timelineItem } from '../local-db/helpers';
import { $, signIn, waitFor } from './render-sidebar';

/**
 * What the sidebar shows for a customer its replica does not hold, for each answer the background
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

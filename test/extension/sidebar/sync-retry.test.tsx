// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setMeta } from '../../../extension/local-db/meta';
import { addNote } from '../../../extension/local-db/mutations/add-note';
import { App } from '../../../extension/sidebar/app';
import { localSidebarData } from '../../../extension/sidebar/data/local-data';
import { SidebarDataContext } from '../../../extension/sidebar/data/sidebar-data';
import { freshDb, localCustomer } from '../local-db/helpers';
import { $, click, signIn, threadContext, waitFor } from './render-sidebar';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

// After an outage the user opens the sidebar and sees "offline, N waiting": opening it (and a
// click on that line) asks the background to try now; the engine decides whether and how often.
describe('the sidebar asks for a sync when it opens and when its status is clicked', () => {
  it('asks once on opening, and again on a click of the sync status', async () => {
    const db = freshDb();
    await signIn(db);
    const customer = localCustomer();
    await db.customers.add(customer);
    await addNote(db, { customerId: customer.id, text: '断网时写的', sourceRef: null });
    await setMeta(db, 'syncState', 'offline');
    const retrySync = vi.fn();
    const root = document.createElement('div');
    document.body.append(root);
    const feed = { current: () => threadContext({ email: 'x@y.example', name: 'X' }), subscribe: () => () => undefined };
    render(
      <SidebarDataContext.Provider value={{ ...localSidebarData(db), retrySync }}>
        <App feed={feed} />
      </SidebarDataContext.Provider>,
      root,
    );
    cleanup = () => render(null, root);
    const status = await waitFor(() => $(root, '[data-testid="sync-status"][data-state="offline"][data-pending="1"]'), 'offline status');
    expect(retrySync).toHaveBeenCalledOnce();
    click($(status, '[data-testid="sync-retry"]'));
    expect(retrySync).toHaveBeenCalledTimes(2);
  });
});

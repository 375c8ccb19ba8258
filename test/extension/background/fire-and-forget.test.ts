import { fakeBrowser } from '../support/fake-chrome';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handleMessage } from '../../../extension/background/handle-message';
import { getMeta } from '../../../extension/local-db/meta';
import { createSyncEngine, type SyncEngine } from '../../../extension/sync/engine';
import { freshDb } from '../local-db/helpers';
import { signIn, threadContext } from '../sidebar/render-sidebar';

// Work the background starts without waiting for it (a sync nudge, the conversation rules) must
// not end as an unhandled rejection: its failure is recorded where sync errors are (lastError).

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
beforeEach(() => {
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
});
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
  vi.restoreAllMocks();
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
const failingEngine = (message: string): SyncEngine => ({
  requestSync: () => Promise.reject(new Error(message)),
  stop: async () => undefined,
  retryIfWaiting: () => Promise.reject(new Error(message)),
});

describe('fire-and-forget work in the background', () => {
  it('a sync nudge that fails is recorded as the sync error, not left unhandled', async () => {
    const db = freshDb();
    const answer = await handleMessage({ type: 'sync-now' }, { id: fakeBrowser.runtime.id }, { db, engine: failingEngine('IndexedDB: the database connection is closing') });
    expect(answer).toEqual({ ok: true });
    await settle();
    expect(unhandled).toEqual([]);
    expect(await getMeta(db, 'lastError')).toMatch(/IndexedDB: the database connection is closing/);
  });

  it('conversation rules that fail before they run are recorded, not left unhandled', async () => {
    const db = freshDb();
    await signIn(db);
    const context = threadContext({ email: 'olivia.park@northwind.example', name: 'Olivia Park' });
    const sender = { id: fakeBrowser.runtime.id, url: context.url, frameId: 0, tab: { id: 41 } as never };
    // The rules read the session first; the replica fails right then.
    vi.spyOn(db.meta, 'get').mockRejectedValueOnce(new Error('IndexedDB: read failed'));
    expect(await handleMessage({ type: 'host-context', context }, sender, { db, engine: failingEngine('unused') })).toEqual({ ok: true });
    await settle();
    expect(unhandled).toEqual([]);
    expect(await getMeta(db, 'lastError')).toMatch(/IndexedDB: read failed/);
  });

  it('the engine treats a failure before its first request (reading the connection) as a sync error with back-off', async () => {
    const db = freshDb();
    const scheduleRetry = vi.fn();
    const engine = createSyncEngine({
      db,
      getTransport: () => Promise.reject(new Error('IndexedDB: read failed')),
      scheduleRetry,
    });
    expect(await engine.requestSync()).toBe('error');
    expect(await getMeta(db, 'syncState')).toBe('error');
    expect(await getMeta(db, 'lastError')).toBe('IndexedDB: read failed');
    expect(scheduleRetry).toHaveBeenCalledWith(2000);
  });
});

describe('a sidebar that opens, or a click on its sync status', () => {
  it('asks the engine to retry if changes wait (the engine decides and throttles), without waiting for it', async () => {
    const db = freshDb();
    let release!: () => void;
    const retryIfWaiting = vi.fn(() => new Promise<null>((resolve) => (release = () => resolve(null))));
    const engine: SyncEngine = { requestSync: vi.fn(), stop: async () => undefined, retryIfWaiting };
    expect(await handleMessage({ type: 'retry-sync' }, { id: fakeBrowser.runtime.id }, { db, engine })).toEqual({ ok: true });
    expect(retryIfWaiting).toHaveBeenCalledOnce();
    expect(engine.requestSync).not.toHaveBeenCalled();
    release();
  });
});

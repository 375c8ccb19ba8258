import { afterEach, describe, expect, it, vi } from 'vitest';
import { toLocalCustomer } from '../../../extension/local-db/local-rows';
import { getMeta, setMeta } from '../../../extension/local-db/meta';
import { addNote } from '../../../extension/local-db/mutations/add-note';
import { createSyncEngine } from '../../../extension/sync/engine';
import { SyncTransportError, type SyncTransport } from '../../../extension/sync/transport';
import type { PullInput, PushInput } from '../../../shared/schemas/sync';
import { customer, freshDb } from '../local-db/helpers';

// How the engine gets out of states the server cannot help with on its own: a cursor it refuses,
// a change too large for it to accept.

const refusedCursor = () => new SyncTransportError('invalid', 'cursor: not a cursor returned by sync.pull; pull with cursor null to start over');

afterEach(() => {
  vi.restoreAllMocks();
});

describe('sync engine: a pull refused as invalid (a corrupt cursor)', () => {
  it('downloads again from nothing once, keeps changes made meanwhile, and says why', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const db = freshDb();
    await db.customers.add(toLocalCustomer(customer({ name: 'Stale' })));
    await setMeta(db, 'cursor', 'not-a-cursor');
    const kept = customer({ name: '杭州茶业' });
    const pulls: (string | null)[] = [];
    let noteId = '';
    const transport: SyncTransport = {
      push: async (input) => ({ results: input.mutations.map((m) => ({ mutationId: m.id, status: 'applied' as const })) }),
      async pull(input) {
        pulls.push(input.cursor);
        if (input.cursor !== null) {
          // The user writes a note while this run pulls: the reset must not lose it.
          noteId = await addNote(db, { customerId: kept.id, text: '下周回电', sourceRef: null });
          throw refusedCursor();
        }
        return { resetRequired: false, changes: [{ entity: 'customer', op: 'upsert', row: kept }], nextCursor: 'fresh-1', hasMore: false };
      },
    };
    const scheduleRetry = vi.fn();
    expect(await createSyncEngine({ db, getTransport: async () => transport, scheduleRetry }).requestSync()).toBe('ok');
    expect(pulls).toEqual(['not-a-cursor', null]);
    expect((await db.customers.toArray()).map((c) => c.name)).toEqual(['杭州茶业']);
    expect(await db.outbox.where('status').equals('pending').count()).toBe(1);
    expect((await db.timeline.get(noteId))?.summary).toBe('下周回电');
    expect(await getMeta(db, 'cursor')).toBe('fresh-1');
    expect(scheduleRetry).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('cursor'), expect.stringContaining('not a cursor returned by sync.pull'));
  });

  it('resets only once: refused again from nothing, it is an error with back-off, not a loop', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const db = freshDb();
    await setMeta(db, 'cursor', 'not-a-cursor');
    const pulls: (string | null)[] = [];
    const transport: SyncTransport = {
      push: async () => ({ results: [] }),
      async pull(input) {
        pulls.push(input.cursor);
        throw new SyncTransportError('invalid', 'limit: too big');
      },
    };
    const scheduleRetry = vi.fn();
    expect(await createSyncEngine({ db, getTransport: async () => transport, scheduleRetry }).requestSync()).toBe('error');
    expect(pulls).toEqual(['not-a-cursor', null]);
    expect(await getMeta(db, 'lastError')).toBe('limit: too big');
    expect(scheduleRetry).toHaveBeenCalledOnce();
  });
});

describe('sync engine: a change the server refuses as too large (413)', () => {
  /** Refuses any request over `max` bytes of JSON, as the server's body limit does. */
  function sizeLimitedServer(max: number) {
    const requests: string[][] = [];
    const delivered: string[] = [];
    const transport: SyncTransport = {
      async push(input: PushInput) {
        requests.push(input.mutations.map((m) => m.id));
        if (JSON.stringify(input).length > max) throw new SyncTransportError('too-large', 'PAYLOAD_TOO_LARGE');
        delivered.push(...input.mutations.map((m) => m.id));
        return { results: input.mutations.map((m) => ({ mutationId: m.id, status: 'applied' as const })) };
      },
      pull: async (input: PullInput) => ({ resetRequired: false, changes: [], nextCursor: input.cursor ?? 'c0', hasMore: false }),
    };
    return { transport, requests, delivered };
  }

  it('pushes it alone, marks it rejected as too large, and the rest of the outbox moves on', async () => {
    const db = freshDb();
    const c = customer();
    await db.customers.add(toLocalCustomer(c));
    const before = await addNote(db, { customerId: c.id, text: 'before', sourceRef: null });
    const huge = await addNote(db, { customerId: c.id, text: '长'.repeat(9_000), sourceRef: null });
    const after = await addNote(db, { customerId: c.id, text: 'after', sourceRef: null });
    const idOf = async (entityId: string) => (await db.outbox.where('entityId').equals(entityId).first())!.id;
    const [beforeId, hugeId, afterId] = [await idOf(before), await idOf(huge), await idOf(after)];
    const server = sizeLimitedServer(5_000);
    const scheduleRetry = vi.fn();
    const engine = createSyncEngine({ db, getTransport: async () => server.transport, scheduleRetry });

    expect(await engine.requestSync()).toBe('ok');
    expect(server.delivered).toEqual([beforeId, afterId]);
    const left = await db.outbox.toArray();
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ id: hugeId, status: 'rejected', code: 'too_large' });
    expect(left[0]?.reason).toMatch(/^\d+(\.\d+)? (KB|MB)$/);
    // Still shown (the user can copy it) until dismissed.
    expect((await db.timeline.get(huge))?.summary).toHaveLength(9_000);
    expect(scheduleRetry).not.toHaveBeenCalled();

    // Later runs do not offer the refused change again.
    const pushesBefore = server.requests.length;
    expect(await engine.requestSync()).toBe('ok');
    expect(server.requests).toHaveLength(pushesBefore);
  });

  it('a batch refused only for its size delivers every change when each fits alone', async () => {
    const db = freshDb();
    const c = customer();
    await db.customers.add(toLocalCustomer(c));
    for (let i = 0; i < 3; i++) await addNote(db, { customerId: c.id, text: `${i} ${'x'.repeat(1_500)}`, sourceRef: null });
    const server = sizeLimitedServer(4_000);
    expect(await createSyncEngine({ db, getTransport: async () => server.transport }).requestSync()).toBe('ok');
    expect(server.delivered).toHaveLength(3);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('sync engine: someone is looking while changes wait out a back-off', () => {
  /** A server that is down until `up` is set; counts the pushes it was offered. */
  function flakyServer() {
    const state = { up: false, pushes: 0 };
    const transport: SyncTransport = {
      async push(input) {
        state.pushes += 1;
        if (!state.up) throw new SyncTransportError('offline', 'Failed to fetch');
        return { results: input.mutations.map((m) => ({ mutationId: m.id, status: 'applied' as const })) };
      },
      pull: async (input) => ({ resetRequired: false, changes: [], nextCursor: input.cursor ?? 'c0', hasMore: false }),
    };
    return { state, transport };
  }

  async function backingOff() {
    const db = freshDb();
    const c = customer();
    await db.customers.add(toLocalCustomer(c));
    await addNote(db, { customerId: c.id, text: '断网时写的备注', sourceRef: null });
    const server = flakyServer();
    const clock = { now: 1_000_000 };
    const scheduleRetry = vi.fn();
    const engine = createSyncEngine({ db, getTransport: async () => server.transport, scheduleRetry, now: () => clock.now });
    expect(await engine.requestSync()).toBe('offline');
    return { db, server, clock, engine, scheduleRetry };
  }

  it('retries at once instead of at the back-off time, at most once per 10 s', async () => {
    const { db, server, clock, engine } = await backingOff();
    expect(await engine.retryIfWaiting()).toBe('offline'); // still down: tried, not waited
    expect(server.state.pushes).toBe(2);
    clock.now += 9_000;
    server.state.up = true;
    expect(await engine.retryIfWaiting()).toBeNull(); // a sidebar opened again too soon
    expect(server.state.pushes).toBe(2);
    clock.now += 1_000;
    expect(await engine.retryIfWaiting()).toBe('ok');
    expect(await db.outbox.count()).toBe(0);
    expect(await getMeta(db, 'syncState')).toBe('idle');
  });

  it('does nothing when no change waits, or when the last sync went well', async () => {
    const { db, server, engine } = await backingOff();
    await db.outbox.clear();
    expect(await engine.retryIfWaiting()).toBeNull();
    expect(server.state.pushes).toBe(1);

    const healthy = freshDb();
    const c = customer();
    await healthy.customers.add(toLocalCustomer(c));
    server.state.up = true;
    const engine2 = createSyncEngine({ db: healthy, getTransport: async () => server.transport });
    expect(await engine2.requestSync()).toBe('ok');
    await addNote(healthy, { customerId: c.id, text: 'nudged by its own page', sourceRef: null });
    // Not backing off: the page's own nudge pushes it; opening a sidebar adds nothing.
    expect(await engine2.retryIfWaiting()).toBeNull();
  });
});

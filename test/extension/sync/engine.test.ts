import { describe, expect, it, vi } from 'vitest';
import { toLocalCustomer } from '../../../extension/local-db/local-rows';
import type { Mutation, PullInput, PullOutput, PushInput, PushOutput } from '../../../shared/schemas/sync';
import { getMeta, setMeta } from '../../../extension/local-db/meta';
import { addNote } from '../../../extension/local-db/mutations/add-note';
import { createCustomerFromSender } from '../../../extension/local-db/mutations/create-customer';
import { backoffDelayMs } from '../../../extension/sync/backoff';
import { createSyncEngine } from '../../../extension/sync/engine';
import { SyncTransportError, type SyncTransport } from '../../../extension/sync/transport';
import { customer, freshDb } from '../local-db/helpers';

/** A protocol-shaped fake server: applies or rejects pushes, serves pull pages from a list. */
function fakeServer(opts: { reject?: (m: Mutation) => string | null; pages?: PullOutput[] } = {}) {
  const pushed: Mutation[][] = [];
  const pulls: PullInput[] = [];
  const pages = [...(opts.pages ?? [])];
  const transport: SyncTransport = {
    async push(input: PushInput): Promise<PushOutput> {
      pushed.push(input.mutations);
      return {
        results: input.mutations.map((m) => {
          const reason = opts.reject?.(m) ?? null;
          return reason
            ? { mutationId: m.id, status: 'rejected' as const, code: 'forbidden' as const, reason }
            : { mutationId: m.id, status: 'applied' as const };
        }),
      };
    },
    async pull(input: PullInput): Promise<PullOutput> {
      pulls.push(input);
      return pages.shift() ?? { resetRequired: false, changes: [], nextCursor: input.cursor ?? 'c0', hasMore: false };
    },
  };
  return { transport, pushed, pulls };
}

describe('sync engine', () => {
  it('pushes the outbox in order in batches of at most 200, then pulls every page', async () => {
    const db = freshDb();
    const c = customer();
    await db.customers.add(toLocalCustomer(c));
    for (let i = 0; i < 205; i++) await addNote(db, { customerId: c.id, text: `n${i}`, sourceRef: null });
    const remote = customer({ name: 'Remote' });
    const server = fakeServer({
      pages: [
        { resetRequired: false, changes: [{ entity: 'customer', op: 'upsert', row: remote }], nextCursor: 'p1', hasMore: true },
        { resetRequired: false, changes: [], nextCursor: 'p2', hasMore: false },
      ],
    });
    const engine = createSyncEngine({ db, getTransport: async () => server.transport });
    expect(await engine.requestSync()).toBe('ok');
    expect(server.pushed.map((b) => b.length)).toEqual([200, 5]);
    const summaries = server.pushed.flat().map((m) => (m.kind === 'note.create' ? m.payload.summary : ''));
    expect(summaries).toEqual(Array.from({ length: 205 }, (_, i) => `n${i}`));
    expect(server.pulls.map((p) => p.cursor)).toEqual([null, 'p1']);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.customers.get(remote.id)).toBeDefined();
    expect(await getMeta(db, 'cursor')).toBe('p2');
    expect(await getMeta(db, 'syncState')).toBe('idle');
    expect(await getMeta(db, 'lastSyncedAt')).toEqual(expect.any(String));
  });

  it('keeps rejected mutations with their reason', async () => {
    const db = freshDb();
    await createCustomerFromSender(db, { customerName: 'A', contactName: 'B', email: 'b@a-corp.example' });
    const server = fakeServer({ reject: (m) => (m.kind === 'contact.create' ? 'duplicate email' : null) });
    await createSyncEngine({ db, getTransport: async () => server.transport }).requestSync();
    const left = await db.outbox.toArray();
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ status: 'rejected', reason: 'duplicate email', mutation: { kind: 'contact.create' } });
  });

  it('on resetRequired clears the replica and pulls again from null', async () => {
    const db = freshDb();
    await db.customers.add(toLocalCustomer(customer({ name: 'Stale' })));
    await setMeta(db, 'cursor', 'too-old');
    const fresh = customer({ name: 'Fresh' });
    const server = fakeServer({
      pages: [
        { resetRequired: true },
        { resetRequired: false, changes: [{ entity: 'customer', op: 'upsert', row: fresh }], nextCursor: 'n1', hasMore: false },
      ],
    });
    expect(await createSyncEngine({ db, getTransport: async () => server.transport }).requestSync()).toBe('ok');
    expect(server.pulls.map((p) => p.cursor)).toEqual(['too-old', null]);
    expect((await db.customers.toArray()).map((c) => c.name)).toEqual(['Fresh']);
  });

  it('goes offline and schedules a backoff retry when the network fails', async () => {
    const db = freshDb();
    const c = customer();
    await db.customers.add(toLocalCustomer(c));
    await addNote(db, { customerId: c.id, text: 'offline note', sourceRef: null });
    const scheduleRetry = vi.fn();
    const transport: SyncTransport = {
      push: async () => {
        throw new SyncTransportError('offline', 'Failed to fetch');
      },
      pull: async () => {
        throw new SyncTransportError('offline', 'Failed to fetch');
      },
    };
    const engine = createSyncEngine({ db, getTransport: async () => transport, scheduleRetry });
    expect(await engine.requestSync()).toBe('offline');
    expect(await engine.requestSync()).toBe('offline');
    expect(scheduleRetry.mock.calls.map((c) => c[0])).toEqual([2000, 4000]);
    expect(await getMeta(db, 'syncState')).toBe('offline');
    expect(await db.outbox.count()).toBe(1);
  });

  it('401 signs out and keeps the outbox', async () => {
    const db = freshDb();
    const c = customer();
    await db.customers.add(toLocalCustomer(c));
    await addNote(db, { customerId: c.id, text: 'kept', sourceRef: null });
    const onUnauthorized = vi.fn(async () => undefined);
    const transport: SyncTransport = {
      push: async () => {
        throw new SyncTransportError('unauthorized', 'UNAUTHORIZED');
      },
      pull: async () => ({ resetRequired: true }),
    };
    expect(await createSyncEngine({ db, getTransport: async () => transport, onUnauthorized }).requestSync()).toBe('signed-out');
    expect(onUnauthorized).toHaveBeenCalledOnce();
    expect(await getMeta(db, 'syncState')).toBe('signed-out');
    expect(await db.outbox.count()).toBe(1);
  });

  it('is signed out without a token', async () => {
    const db = freshDb();
    expect(await createSyncEngine({ db, getTransport: async () => null }).requestSync()).toBe('signed-out');
    expect(await getMeta(db, 'syncState')).toBe('signed-out');
  });

  it('is single-flight: concurrent requests share a run and cause one more', async () => {
    const db = freshDb();
    const server = fakeServer();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow: SyncTransport = {
      push: server.transport.push,
      pull: async (input) => {
        await gate;
        return server.transport.pull(input);
      },
    };
    const engine = createSyncEngine({ db, getTransport: async () => slow });
    const a = engine.requestSync();
    const b = engine.requestSync();
    const c = engine.requestSync();
    expect(a).toBe(b);
    expect(b).toBe(c);
    release();
    await a;
    expect(server.pulls).toHaveLength(2);
  });
});

describe('sync engine stop (sign-out)', () => {
  it('writes no page fetched after stop() and waits for the run to end', async () => {
    const db = freshDb();
    const rows = [customer({ name: 'Page one' }), customer({ name: 'Page two' })];
    let releaseSecond!: () => void;
    const secondAsked = new Promise<void>((resolve) => (releaseSecond = resolve));
    let gate!: () => void;
    const secondAnswered = new Promise<void>((resolve) => (gate = resolve));
    const transport: SyncTransport = {
      push: async () => ({ results: [] }),
      async pull(input) {
        if (input.cursor === null) {
          return { resetRequired: false, changes: [{ entity: 'customer', op: 'upsert', row: rows[0]! }], nextCursor: 'c1', hasMore: true };
        }
        releaseSecond();
        await secondAnswered;
        return { resetRequired: false, changes: [{ entity: 'customer', op: 'upsert', row: rows[1]! }], nextCursor: 'c2', hasMore: false };
      },
    };
    const engine = createSyncEngine({ db, getTransport: async () => transport });
    const run = engine.requestSync();
    await secondAsked; // page one is being written or written; page two is in flight
    const stopped = engine.stop();
    gate();
    await stopped;
    expect(await run).toBe('signed-out');
    expect((await db.customers.toArray()).map((c) => c.name)).toEqual(['Page one']);
    expect(await getMeta(db, 'cursor')).toBe('c1');
  });

  it('is final: a run that fails after stop() writes no error or back-off and schedules nothing', async () => {
    const db = freshDb();
    const c = customer();
    await db.customers.add(toLocalCustomer(c));
    await addNote(db, { customerId: c.id, text: 'unsynced', sourceRef: null });
    const scheduleRetry = vi.fn();
    const onUnauthorized = vi.fn(async () => undefined);
    for (const error of [new SyncTransportError('offline', 'Failed to fetch'), new SyncTransportError('unauthorized', 'UNAUTHORIZED')]) {
      let asked!: () => void;
      const pushAsked = new Promise<void>((resolve) => (asked = resolve));
      let fail!: (error: Error) => void;
      const transport: SyncTransport = {
        push: () => {
          asked();
          return new Promise((_, reject) => (fail = reject));
        },
        pull: async () => ({ resetRequired: false, changes: [], nextCursor: 'c', hasMore: false }),
      };
      const engine = createSyncEngine({ db, getTransport: async () => transport, scheduleRetry, onUnauthorized });
      const run = engine.requestSync();
      await pushAsked;
      const stopped = engine.stop();
      fail(error);
      await stopped;
      expect(await run).toBe('signed-out');
    }
    expect(await getMeta(db, 'lastError')).toBeUndefined();
    expect(await getMeta(db, 'backoffAttempt')).toBeUndefined();
    expect(scheduleRetry).not.toHaveBeenCalled();
    expect(onUnauthorized).not.toHaveBeenCalled();
  });
});

describe('backoff', () => {
  it('doubles from 2 s and caps at 60 s', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map(backoffDelayMs)).toEqual([2000, 4000, 8000, 16000, 32000, 60000, 60000]);
  });
});

import { MAX_PUSH_BATCH, MAX_PUSH_BATCH_BYTES, type Mutation, type MutationResult, type PullOutput, type PushOutput } from '../../shared/schemas/sync';
import type { LocalDb } from '../local-db/db';
import { getMeta, setMeta, setMetas } from '../local-db/meta';
import { applyPullPage, applyPushResults, pendingBatch, resetReplica } from '../local-db/sync-store';
import { backoffDelayMs } from './backoff';
import { SyncTransportError, type SyncTransport } from './transport';

export type SyncOutcome = 'ok' | 'offline' | 'error' | 'signed-out';

export type SyncEngineDeps = {
  db: LocalDb;
  /** Built from stored settings on every run (the worker may have restarted); null = signed out. */
  getTransport: () => Promise<SyncTransport | null>;
  /** The server refused the token: forget it (the outbox stays for the next sign-in). */
  onUnauthorized?: () => Promise<void>;
  /** In-worker retry timer; the 1-minute alarm covers a worker that died meanwhile. */
  scheduleRetry?: (delayMs: number) => void;
  pullLimit?: number;
  /** Called when the sync state or the replica may have changed (start and end of each run). */
  onChange?: () => void;
  /** The clock of retryIfWaiting's throttle (tests move it). */
  now?: () => number;
};

/** retryIfWaiting tries at most this often: opening mail after mail must not hammer a server that is down. */
export const EAGER_RETRY_INTERVAL_MS = 10_000;

export type SyncEngine = {
  requestSync(): Promise<SyncOutcome>;
  /**
   * Ends the current run before it writes anything more, and waits for it. Sign-out calls this
   * before wiping, so a page fetched for the old account is never written after the wipe.
   */
  stop(): Promise<void>;
  /**
   * Someone is looking (a sidebar opened, the sync status clicked): when changes wait and the last
   * run failed (the engine is backing off), sync now rather than at the back-off's time, which
   * may be a minute away. Throttled (EAGER_RETRY_INTERVAL_MS); null when it did not sync.
   */
  retryIfWaiting(): Promise<SyncOutcome | null>;
};

/** Thrown inside a run that stop() ended; the run writes nothing after it. */
class SyncStopped extends Error {}

/** Refusals of a batch that pushing its mutations one by one can narrow down to the bad ones. */
const isolatable = (error: unknown): error is SyncTransportError =>
  error instanceof SyncTransportError && (error.kind === 'invalid' || error.kind === 'too-large');

/** "5.7 MB": how big a change the server refused for its size was (shown beside the reason). */
function sizeOf(mutation: Mutation): string {
  const bytes = new TextEncoder().encode(JSON.stringify(mutation)).length;
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Push the outbox in order, then pull until caught up. Single-flight: a request during a run
 * joins it and causes exactly one more run (a mutation made mid-run is pushed promptly). All
 * state lives in Dexie; nothing here survives the worker, and nothing needs to.
 */
export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
  const { db } = deps;
  let running: Promise<SyncOutcome> | null = null;
  let again = false;
  let generation = 0;
  const now = deps.now ?? Date.now;
  let eagerRetryAt = Number.NEGATIVE_INFINITY;
  const checkNotStopped = (started: number): void => {
    if (started !== generation) throw new SyncStopped('sync stopped');
  };

  /**
   * The server refuses a whole batch when one mutation fails its schema (only after a version
   * skew: the client validates with the same schema) or when the request is over its size limit
   * (413). Pushing one by one then isolates the bad ones as rejected, with the reason, instead of
   * blocking the outbox for good.
   */
  async function pushOrIsolate(transport: SyncTransport, batch: Mutation[]): Promise<PushOutput> {
    try {
      return await transport.push({ mutations: batch });
    } catch (error) {
      if (!isolatable(error)) throw error;
      const results: MutationResult[] = [];
      for (const mutation of batch) {
        try {
          results.push(...(await transport.push({ mutations: [mutation] })).results);
        } catch (single) {
          if (!isolatable(single)) throw single;
          results.push(
            single.kind === 'invalid'
              ? { mutationId: mutation.id, status: 'rejected', code: 'invalid', reason: single.message }
              : { mutationId: mutation.id, status: 'rejected', code: 'too_large', reason: sizeOf(mutation) },
          );
        }
      }
      return { results };
    }
  }

  async function pushAll(transport: SyncTransport, started: number): Promise<void> {
    for (;;) {
      const batch = await pendingBatch(db, MAX_PUSH_BATCH, MAX_PUSH_BATCH_BYTES);
      if (batch.length === 0) return;
      const { results } = await pushOrIsolate(transport, batch);
      const answered = new Set(results.map((r) => r.mutationId));
      // A server that answers none of the batch would make this loop spin; stop and report.
      if (!batch.some((m) => answered.has(m.id))) throw new Error('push: the server answered no mutation');
      checkNotStopped(started);
      await applyPushResults(db, results);
    }
  }

  async function pullAll(transport: SyncTransport, started: number): Promise<void> {
    const limit = deps.pullLimit ?? 1000;
    // A stored cursor the server refuses as input (corrupted, or another build's format) can
    // never work again: the same recovery as a cursor the server no longer keeps.
    const pullFrom = (cursor: string | null): Promise<PullOutput> =>
      transport.pull({ cursor, limit }).catch((error: unknown) => {
        if (cursor === null || !(error instanceof SyncTransportError) || error.kind !== 'invalid') throw error;
        console.warn('[inbox-crm] the server refused the sync cursor; downloading everything again:', error.message);
        return { resetRequired: true };
      });
    let page = await pullFrom((await getMeta(db, 'cursor')) ?? null);
    let resets = 0;
    for (;;) {
      if (page.resetRequired) {
        if (resets++ > 0) throw new Error('pull: reset required twice in one run');
        checkNotStopped(started);
        await resetReplica(db);
        page = await pullFrom(null);
        continue;
      }
      // Fetch the next page while this one is written, outside the write's transaction: the
      // bench measured the two costs adding up (server wait 14 s + writes 24 s for 100k rows).
      const next = page.hasMore ? pullFrom(page.nextCursor) : null;
      try {
        checkNotStopped(started);
        await applyPullPage(db, page.changes, page.nextCursor);
      } catch (error) {
        next?.catch(() => undefined);
        throw error;
      }
      if (!next) return;
      page = await next;
    }
  }

  async function runOnce(): Promise<SyncOutcome> {
    const started = generation;
    // Everything inside the try: a failure reading the connection is a sync error like any other
    // (recorded, retried with back-off), never a rejection of requestSync.
    try {
      const transport = await deps.getTransport();
      checkNotStopped(started);
      if (!transport) {
        await setMeta(db, 'syncState', 'signed-out');
        return 'signed-out';
      }
      await setMeta(db, 'syncState', 'syncing');
      deps.onChange?.();
      await pushAll(transport, started);
      await pullAll(transport, started);
      checkNotStopped(started);
      await setMetas(db, {
        syncState: 'idle',
        lastSyncedAt: new Date().toISOString(),
        lastError: null,
        backoffAttempt: 0,
      });
      return 'ok';
    } catch (error) {
      // Stopped is final: whatever the run met afterwards (a failed request, a 401) is not this
      // account's state any more, and must not be written over the sign-out wipe or retried.
      if (error instanceof SyncStopped || started !== generation) return 'signed-out';
      const kind = error instanceof SyncTransportError ? error.kind : 'error';
      const message = error instanceof Error ? error.message : String(error);
      if (kind === 'unauthorized') {
        await setMetas(db, { syncState: 'signed-out', lastError: message });
        await deps.onUnauthorized?.();
        return 'signed-out';
      }
      const outcome = kind === 'offline' ? 'offline' : 'error';
      const attempt = (await getMeta(db, 'backoffAttempt')) ?? 0;
      await setMetas(db, { syncState: outcome, lastError: message, backoffAttempt: attempt + 1 });
      deps.scheduleRetry?.(backoffDelayMs(attempt));
      return outcome;
    }
  }

  const engine: SyncEngine = {
    async stop() {
      generation += 1;
      again = false;
      await running?.catch(() => undefined);
    },
    requestSync() {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        let outcome: SyncOutcome;
        do {
          again = false;
          outcome = await runOnce();
        } while (again && outcome === 'ok');
        return outcome;
      })().finally(() => {
        running = null;
        deps.onChange?.();
      });
      return running;
    },
    async retryIfWaiting() {
      const [attempt, waiting] = await Promise.all([getMeta(db, 'backoffAttempt'), db.outbox.where('status').equals('pending').count()]);
      // Checked after the reads, with no await before the stamp: two sidebars opening at once make one run.
      if (!attempt || waiting === 0 || running || now() - eagerRetryAt < EAGER_RETRY_INTERVAL_MS) return null;
      eagerRetryAt = now();
      return engine.requestSync();
    },
  };
  return engine;
}

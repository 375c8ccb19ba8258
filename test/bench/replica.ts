import { inPage } from './in-page';
import type { Page, Worker } from 'playwright-core';

/**
 * Helpers that run inside extension pages / the service worker of the benchmark profile.
 * Nothing here touches the product code: it observes the replica through raw IndexedDB and the
 * options page's DOM, and times the worker's fetches by wrapping globalThis.fetch.
 */

export const REPLICA_DB = 'inbox-crm';
export const REPLICA_STORES = ['customers', 'contacts', 'timeline', 'members'] as const;
export type Counts = Record<(typeof REPLICA_STORES)[number], number>;

export type FetchRecord = { url: string; start: number; headers: number; body: number | null };

/** Wraps fetch in the service worker (tRPC's httpLink looks fetch up per request) to time every request. */
export async function instrumentWorkerFetch(worker: Worker): Promise<void> {
  await inPage(worker, () => {
    const g = globalThis as unknown as { __benchFetch?: unknown[]; fetch: typeof fetch };
    if (g.__benchFetch) return;
    const records: { url: string; start: number; headers: number; body: number | null }[] = [];
    g.__benchFetch = records;
    const original = g.fetch.bind(globalThis);
    const now = () => performance.timeOrigin + performance.now();
    g.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const record = { url: String(input instanceof Request ? input.url : input), start: now(), headers: 0, body: null as number | null };
      records.push(record);
      const response = await original(input, init);
      record.headers = now();
      const json = response.json.bind(response);
      response.json = async () => {
        const value = await json();
        record.body = now();
        return value;
      };
      return response;
    };
  });
}

export async function workerFetchRecords(worker: Worker): Promise<FetchRecord[]> {
  return inPage(worker, () => ((globalThis as unknown as { __benchFetch?: FetchRecord[] }).__benchFetch ?? []).slice());
}

/**
 * Polls (in the options page itself, every `intervalMs`) until the status line says idle AND the
 * replica holds at least `expected` rows; returns timeOrigin+now at detection and the counts.
 */
export async function waitForReplica(
  optionsPage: Page,
  expected: Counts,
  timeoutMs: number,
  intervalMs = 50,
): Promise<{ doneAt: number; counts: Counts; polls: number }> {
  return inPage(optionsPage, 
    async ({ expected, timeoutMs, intervalMs, dbName, stores }) => {
      const now = () => performance.timeOrigin + performance.now();
      const deadline = Date.now() + timeoutMs;
      const open = () =>
        new Promise<IDBDatabase>((resolve, reject) => {
          const r = indexedDB.open(dbName);
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
      const count = (db: IDBDatabase) =>
        new Promise<Record<string, number>>((resolve, reject) => {
          const tx = db.transaction(stores, 'readonly');
          const out: Record<string, number> = {};
          for (const s of stores) tx.objectStore(s).count().onsuccess = (e) => (out[s] = (e.target as IDBRequest<number>).result);
          tx.oncomplete = () => resolve(out);
          tx.onerror = () => reject(tx.error);
        });
      const db = await open();
      let polls = 0;
      let last: Record<string, number> = {};
      let state: string | null = null;
      try {
        for (;;) {
          polls++;
          state = document.querySelector('[data-testid=sync-status]')?.getAttribute('data-state') ?? null;
          if (state === 'idle') {
            const at = now();
            last = await count(db);
            if (stores.every((s) => (last[s] ?? 0) >= (expected as Record<string, number>)[s]!)) {
              return { doneAt: at, counts: last, polls };
            }
          }
          if (Date.now() > deadline) {
            throw new Error(`replica not complete after ${timeoutMs} ms: state=${state} counts=${JSON.stringify(last)}`);
          }
          await new Promise((r) => setTimeout(r, intervalMs));
        }
      } finally {
        db.close();
      }
    },
    { expected, timeoutMs, intervalMs, dbName: REPLICA_DB, stores: [...REPLICA_STORES] },
  ) as Promise<{ doneAt: number; counts: Counts; polls: number }>;
}

/** Fills the options form, then clicks sign-in; returns timeOrigin+now of the click (page clock). */
export async function clickSignIn(optionsPage: Page, serverUrl: string, email: string, code: string): Promise<number> {
  await optionsPage.locator('input[name=serverUrl]').fill(serverUrl, { timeout: 15_000 });
  await optionsPage.locator('input[name=email]').fill(email);
  await optionsPage.locator('input[name=code]').fill(code);
  const button = optionsPage.locator('button[data-testid=sign-in]');
  await button.waitFor();
  const startedAt = await inPage(optionsPage, () => performance.timeOrigin + performance.now());
  await button.click();
  return startedAt;
}

/** Sends rows into page memory in chunks (CDP messages stay small), as window[key]. */
export async function sendToPage(page: Page | import('playwright-core').Frame, key: string, items: unknown[], chunk = 20): Promise<void> {
  await inPage(page, (k) => ((window as unknown as Record<string, unknown[]>)[k] = []), key);
  for (let i = 0; i < items.length; i += chunk) {
    await inPage(page, 
      ({ k, part }) => (window as unknown as Record<string, unknown[]>)[k]!.push(...part),
      { k: key, part: items.slice(i, i + chunk) },
    );
  }
}

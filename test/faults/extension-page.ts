import type { Page } from 'playwright-core';
import type { z } from 'zod';
import type { replicaMutationSchema, ReplicaQuery } from '../../extension/messaging/replica-protocol';
import { DB_NAME } from '../../extension/local-db/db';
import { withTimeout } from '../support/wait';

type ReplicaMutationInput = z.input<typeof replicaMutationSchema>;

/** How long one message to the background may take before the scenario calls it lost. */
const MESSAGE_TIMEOUT = 20_000;
/** Messages in flight at once: a busy grid or several open sidebars, not a thousand at a time. */
const IN_FLIGHT = 8;

/**
 * Local changes the way an extension page without its own IndexedDB makes them (the sidebar's
 * fallback path): a `replica-mutate` message to the background, which runs the same local-db
 * mutation as the sidebar and nudges a sync. Every message has its own timeout inside the page,
 * so a background that never answers fails the scenario with a reason instead of hanging it.
 */
export async function mutateFromPage(page: Page, requests: ReplicaMutationInput[], what: string): Promise<void> {
  const answers = await withTimeout(
    page.evaluate(
      async ({ requests, timeoutMs, inFlight }) => {
        const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
        const send = (request: unknown) =>
          Promise.race([
            runtime.sendMessage({ type: 'replica-mutate', request }),
            new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)),
          ]).then(
            (answer) => JSON.stringify(answer),
            (error: unknown) => `error: ${error instanceof Error ? error.message : String(error)}`,
          );
        const out: string[] = [];
        for (let i = 0; i < requests.length; i += inFlight) out.push(...(await Promise.all(requests.slice(i, i + inFlight).map(send))));
        return out;
      },
      { requests, timeoutMs: MESSAGE_TIMEOUT, inFlight: IN_FLIGHT },
    ),
    MESSAGE_TIMEOUT * Math.ceil(requests.length / IN_FLIGHT) + 5_000,
    `${what}: ${requests.length} replica-mutate messages answered`,
  );
  const failed = answers.map((answer, i) => ({ answer, i })).filter((a) => a.answer !== '{"ok":true}');
  if (failed.length > 0) {
    throw new Error(`${what}: ${failed.length} of ${requests.length} changes failed, first: #${failed[0]!.i} ${failed[0]!.answer}`);
  }
}

/** A `replica-query` answered by the background from the replica (as the fallback sidebar asks). */
export async function queryFromPage<T>(page: Page, request: ReplicaQuery, what: string): Promise<T> {
  return withTimeout(
    page.evaluate(async (request) => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
      const answer = (await runtime.sendMessage({ type: 'replica-query', request })) as { value: unknown } | undefined;
      if (!answer) throw new Error('the background gave no answer');
      return answer.value;
    }, request),
    MESSAGE_TIMEOUT,
    what,
  ) as Promise<T>;
}

export type OutboxRow = { id: string; entity: string; entityId: string; status: string; kind: string };

/**
 * The outbox as stored in the extension's IndexedDB, read (never written) from an extension
 * page of the same origin: which mutation ids the server must end up with.
 */
export async function readOutbox(page: Page): Promise<OutboxRow[]> {
  return withTimeout(
    page.evaluate(
      (name) =>
        new Promise<OutboxRow[]>((resolve, reject) => {
          const open = indexedDB.open(name);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const all = db.transaction('outbox').objectStore('outbox').getAll();
            all.onerror = () => reject(all.error);
            all.onsuccess = () => {
              db.close();
              type Stored = { id: string; entity: string; entityId: string; status: string; mutation: { kind: string } };
              resolve((all.result as Stored[]).map((e) => ({ id: e.id, entity: e.entity, entityId: e.entityId, status: e.status, kind: e.mutation.kind })));
            };
          };
        }),
      DB_NAME,
    ),
    MESSAGE_TIMEOUT,
    'reading the outbox from IndexedDB',
  );
}

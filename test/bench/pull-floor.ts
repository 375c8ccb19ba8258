import { inPage } from './in-page';
import type { Page } from 'playwright-core';
import type { PulledChange } from '../../shared/schemas/sync';
import { toLocalRow } from '../../extension/local-db/local-rows';
import { searchKeysReady } from '../../extension/local-db/search/romaniser';
import { sendToPage } from './replica';

/**
 * The pull floor: the same pages (same rows, same batch = page size) written with raw IndexedDB
 * into a scratch database of the extension origin that has the replica's stores and indexes
 * (extension/local-db/db.ts version 2), one readwrite transaction per page plus the cursor, as
 * applyPullPage does — but nothing else (no zod, no tRPC, no outbox check, no Dexie). The rows
 * carry the same derived keys the replica stores (computed here in Node, outside the timing),
 * so the floor pays for the same index entries and the ratio measures our overhead alone.
 * Returns the milliseconds of the writes alone (the rows are already in page memory).
 */
export async function measurePullFloor(extensionPage: Page, pages: PulledChange[][]): Promise<number> {
  await searchKeysReady();
  const stored = pages.map((page) =>
    page.map((change) => (change.op === 'upsert' ? { ...change, row: toLocalRow(change) } : change)),
  );
  await sendToPage(extensionPage, '__benchPages', stored, 10);
  return inPage(extensionPage, async () => {
    const pagesInMemory = (window as unknown as { __benchPages: { entity: string; op: string; row?: { id: string }; id?: string }[][] })
      .__benchPages;
    const name = `bench-pull-floor-${Math.random().toString(36).slice(2)}`;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(name, 10);
      r.onupgradeneeded = () => {
        const d = r.result;
        const customers = d.createObjectStore('customers', { keyPath: 'id' });
        customers.createIndex('emailDomains', 'emailDomains', { multiEntry: true });
        customers.createIndex('searchKeys', 'searchKeys', { multiEntry: true });
        const contacts = d.createObjectStore('contacts', { keyPath: 'id' });
        contacts.createIndex('customerId', 'customerId');
        contacts.createIndex('emailKeys', 'emailKeys', { multiEntry: true });
        contacts.createIndex('searchKeys', 'searchKeys', { multiEntry: true });
        const timeline = d.createObjectStore('timeline', { keyPath: 'id' });
        timeline.createIndex('customerId', 'customerId');
        timeline.createIndex('[customerId+occurredAt]', ['customerId', 'occurredAt']);
        d.createObjectStore('members', { keyPath: 'id' });
        d.createObjectStore('matchChoices', { keyPath: 'id' }).createIndex('addressKey', 'addressKey');
        d.createObjectStore('customFields', { keyPath: 'id' }).createIndex('key', 'key');
        const outbox = d.createObjectStore('outbox', { keyPath: 'id' });
        outbox.createIndex('entityId', 'entityId');
        outbox.createIndex('status', 'status');
        d.createObjectStore('meta', { keyPath: 'key' });
      };
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const storeOf: Record<string, string> = { customer: 'customers', contact: 'contacts', timelineItem: 'timeline', member: 'members' };
    const started = performance.now();
    let n = 0;
    for (const page of pagesInMemory) {
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['customers', 'contacts', 'timeline', 'members', 'meta'], 'readwrite');
        for (const change of page) {
          const store = tx.objectStore(storeOf[change.entity]!);
          if (change.op === 'delete') store.delete(change.id!);
          else store.put(change.row);
        }
        tx.objectStore('meta').put({ key: 'cursor', value: `page-${n++}` });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
    }
    const ms = performance.now() - started;
    db.close();
    indexedDB.deleteDatabase(name);
    delete (window as unknown as { __benchPages?: unknown }).__benchPages;
    return ms;
  });
}

import { inPage } from './in-page';
import type { Page } from 'playwright-core';
import type { PulledChange } from '../../shared/schemas/sync';
import { sendToPage } from './replica';
import type { BenchThread } from './threads';

export type FloorSample = { hash: string; start: number; painted: number; text: string };

const FLOOR_DB = 'bench-sidebar-floor';

/**
 * Seeds the SAME customers and contacts (the rows the server sent) into an IndexedDB database of
 * the floor page's own origin with raw IndexedDB, in large transactions, and installs the floor's
 * hashchange handler: sender from the rendered thread → contacts.emails index → customers by id
 * → textContent into a div → rAF → timestamp. Returns the seeding time (ms, info only).
 */
export async function prepareSidebarFloor(page: Page, pages: PulledChange[][]): Promise<number> {
  const customers: unknown[] = [];
  const contacts: unknown[] = [];
  for (const change of pages.flat()) {
    if (change.op !== 'upsert') continue;
    if (change.entity === 'customer') customers.push(change.row);
    else if (change.entity === 'contact') contacts.push(change.row);
  }
  await sendToPage(page, '__floorCustomers', customers, 5000);
  await sendToPage(page, '__floorContacts', contacts, 5000);
  return inPage(page, async (dbName) => {
    const w = window as unknown as Record<string, unknown>;
    const started = performance.now();
    await new Promise<void>((resolve) => {
      const r = indexedDB.deleteDatabase(dbName);
      r.onsuccess = r.onerror = () => resolve();
    });
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(dbName, 1);
      r.onupgradeneeded = () => {
        r.result.createObjectStore('customers', { keyPath: 'id' });
        r.result.createObjectStore('contacts', { keyPath: 'id' }).createIndex('emails', 'emails', { multiEntry: true });
      };
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const bulk = async (store: string, rows: unknown[]) => {
      for (let i = 0; i < rows.length; i += 50_000) {
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(store, 'readwrite');
          const s = tx.objectStore(store);
          for (const row of rows.slice(i, i + 50_000)) s.put(row);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      }
    };
    await bulk('customers', w.__floorCustomers as unknown[]);
    await bulk('contacts', w.__floorContacts as unknown[]);
    delete w.__floorCustomers;
    delete w.__floorContacts;

    const out = document.createElement('div');
    out.id = 'bench-floor-card';
    document.body.append(out);
    const now = () => performance.timeOrigin + performance.now();
    // Registered after app.js's own hashchange listener, so the thread is already rendered.
    window.addEventListener('hashchange', () => {
      const email = document.querySelector('.adn span.gD[email]')?.getAttribute('email')?.trim().toLowerCase();
      if (!email) return;
      const tx = db.transaction(['contacts', 'customers'], 'readonly');
      tx.objectStore('contacts').index('emails').get(email).onsuccess = (e) => {
        const contact = (e.target as IDBRequest<{ customerId: string } | undefined>).result;
        if (!contact) return;
        tx.objectStore('customers').get(contact.customerId).onsuccess = (e2) => {
          out.textContent = (e2.target as IDBRequest<{ name: string }>).result.name;
          requestAnimationFrame(() => (w.__floorDone as (t: number) => void)?.(now()));
        };
      };
    });
    return performance.now() - started;
  }, FLOOR_DB);
}

export async function measureFloorNavigation(page: Page, thread: BenchThread): Promise<FloorSample> {
  const result = await inPage(page, 
    (hash) =>
      new Promise<{ start: number; painted: number; text: string }>((resolve, reject) => {
        const w = window as unknown as Record<string, unknown>;
        const timer = setTimeout(() => reject(new Error(`floor navigation to ${hash} timed out`)), 10_000);
        const start = performance.timeOrigin + performance.now();
        w.__floorDone = (painted: number) => {
          clearTimeout(timer);
          resolve({ start, painted, text: document.getElementById('bench-floor-card')?.textContent ?? '' });
        };
        location.hash = hash;
      }),
    `#${thread.hash}`,
  );
  if (result.text !== thread.customerName) {
    throw new Error(`floor showed "${result.text}" for ${thread.senderEmail}, expected "${thread.customerName}"`);
  }
  return { hash: thread.hash, ...result };
}

export async function deleteFloorDb(page: Page): Promise<void> {
  await inPage(page, 
    (dbName) =>
      new Promise<void>((resolve) => {
        const r = indexedDB.deleteDatabase(dbName);
        r.onsuccess = r.onerror = r.onblocked = () => resolve();
      }),
    FLOOR_DB,
  ).catch(() => undefined);
}

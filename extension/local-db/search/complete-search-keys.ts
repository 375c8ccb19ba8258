import type { LocalDb } from '../db';
import { toLocalContact, toLocalCustomer, withoutLocalKeys } from '../local-rows';
import { getRomaniser, searchKeysReady } from './romaniser';
import { PINYIN_PENDING } from './search-keys';

const BATCH = 500;

/**
 * Gives rows written without the pinyin dictionary (marked PINYIN_PENDING, see romaniser.ts)
 * their full keys. Runs in the worker (background.ts, after every sync run). The marker is itself
 * an entry of the searchKeys index, so finding such rows is one index lookup (nothing, almost
 * always; the dictionary is loaded only when there is something to complete) and needs no schema
 * change. Returns the number of rows completed.
 */
export async function completeSearchKeys(db: LocalDb): Promise<number> {
  const pending = async (table: 'customers' | 'contacts') => (await db[table].where('searchKeys').equals(PINYIN_PENDING).limit(1).count()) > 0;
  if (!(await pending('customers')) && !(await pending('contacts'))) return 0;
  await searchKeysReady();
  if (!getRomaniser()) return 0;
  let completed = 0;
  for (;;) {
    // Read and rewrite in one transaction: a pull in between cannot be overwritten.
    const [customers, contacts] = await db.transaction('rw', db.customers, db.contacts, async () => {
      const customers = await db.customers.where('searchKeys').equals(PINYIN_PENDING).limit(BATCH).toArray();
      const contacts = await db.contacts.where('searchKeys').equals(PINYIN_PENDING).limit(BATCH).toArray();
      await db.customers.bulkPut(customers.map((row) => toLocalCustomer(withoutLocalKeys(row))));
      await db.contacts.bulkPut(contacts.map((row) => toLocalContact(withoutLocalKeys(row))));
      return [customers.length, contacts.length];
    });
    completed += customers + contacts;
    if (customers < BATCH && contacts < BATCH) return completed;
  }
}

let running: Promise<number> | null = null;
let again = false;

/** Single-flight completeSearchKeys: a call during a run causes one more run after it. */
export function completeSearchKeysSoon(db: LocalDb): void {
  if (running) {
    again = true;
    return;
  }
  running = completeSearchKeys(db)
    .catch((error: unknown) => {
      console.warn('[inbox-crm] completing search keys failed:', error);
      return 0;
    })
    .finally(() => {
      running = null;
      if (again) {
        again = false;
        completeSearchKeysSoon(db);
      }
    });
}

import { createLocalDb } from '../../extension/local-db/db';
import { toLocalContact, toLocalCustomer } from '../../extension/local-db/local-rows';
import { pinyinRomaniser } from '../../extension/local-db/search/pinyin-romaniser';
import { setRomaniser } from '../../extension/local-db/search/romaniser';
import { generateCustomer } from './search-data';

/**
 * Bundled by test/bench/search.ts (esbuild, IIFE) and evaluated in an extension page: writes the
 * generated customers and contacts into the extension origin's replica through the product's
 * own Dexie schema and toLocalCustomer/toLocalContact (the same keys the worker writes on pull).
 */
export type SeedOptions = { customers: number; contactsPerCustomer: number; ownerIds: string[]; batch: number };
export type SeedReport = {
  keyMs: number;
  writeMs: number;
  customers: number;
  contacts: number;
  customerKeysMean: number;
  contactKeysMean: number;
  customerKeysMax: number;
  contactKeysMax: number;
};

async function seed(options: SeedOptions): Promise<SeedReport> {
  setRomaniser(pinyinRomaniser);
  const db = createLocalDb();
  const report: SeedReport = { keyMs: 0, writeMs: 0, customers: 0, contacts: 0, customerKeysMean: 0, contactKeysMean: 0, customerKeysMax: 0, contactKeysMax: 0 };
  let customerKeys = 0;
  let contactKeys = 0;
  try {
    for (let start = 0; start < options.customers; start += options.batch) {
      const generated = [];
      for (let i = start; i < Math.min(options.customers, start + options.batch); i++) {
        generated.push(generateCustomer(i, options.contactsPerCustomer, options.ownerIds));
      }
      const keyed = performance.now();
      const customers = generated.map((g) => toLocalCustomer(g.customer));
      const contacts = generated.flatMap((g) => g.contacts.map(toLocalContact));
      report.keyMs += performance.now() - keyed;
      const written = performance.now();
      await db.transaction('rw', db.customers, db.contacts, async () => {
        await db.customers.bulkPut(customers);
        await db.contacts.bulkPut(contacts);
      });
      report.writeMs += performance.now() - written;
      for (const c of customers) {
        customerKeys += c.searchKeys.length;
        report.customerKeysMax = Math.max(report.customerKeysMax, c.searchKeys.length);
      }
      for (const c of contacts) {
        contactKeys += c.searchKeys.length;
        report.contactKeysMax = Math.max(report.contactKeysMax, c.searchKeys.length);
      }
      report.customers += customers.length;
      report.contacts += contacts.length;
    }
  } finally {
    db.close();
  }
  report.customerKeysMean = customerKeys / Math.max(1, report.customers);
  report.contactKeysMean = contactKeys / Math.max(1, report.contacts);
  return report;
}

(globalThis as unknown as { __benchSearchSeed: typeof seed }).__benchSearchSeed = seed;

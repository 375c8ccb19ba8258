import type { CustomerPatch } from '../../../shared/schemas/customer';
import type { ImportRowError } from '../../../shared/schemas/import';
import type { ParsedRow } from './read-rows';
import { rowError } from './read-rows';

/**
 * One customer of the file. Exports often repeat the customer on every contact's row, so rows
 * with the same code (else tax number, else exact name) are one customer: the first row gives
 * the fields, later rows may add missing ones, and a later row that contradicts an earlier one
 * is an error of that row.
 */
export type FileCustomer = {
  firstRow: number;
  rows: number[];
  fields: CustomerPatch;
  /** Every row only named the customer (code / tax number / name): a reference, not a record. */
  identityOnly: boolean;
};

const IDENTITY = new Set(['code', 'taxNumber', 'name']);
type Bag = Record<string, unknown>;

/** Names that differ only in case, width or spacing are the same name (a fuzzy match is a duplicate, not this). */
export const exactNameKey = (name: string) => name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

export function groupFileCustomers(
  rows: readonly ParsedRow[],
  headerOf: (path: string[]) => string | null,
): { customers: FileCustomer[]; customerOf: Map<number, FileCustomer>; errors: ImportRowError[] } {
  const customers: FileCustomer[] = [];
  const customerOf = new Map<number, FileCustomer>();
  const errors: ImportRowError[] = [];
  const byCode = new Map<string, FileCustomer>();
  const byTax = new Map<string, FileCustomer>();
  const byName = new Map<string, FileCustomer>();

  for (const { row, customer } of rows) {
    if (!customer) continue;
    const found = sameCustomer(customer);
    const identityOnly = Object.keys(customer).every((k) => IDENTITY.has(k));
    if (!found) {
      const created: FileCustomer = { firstRow: row, rows: [row], fields: { ...customer }, identityOnly };
      customers.push(created);
      customerOf.set(row, created);
      index(created);
      continue;
    }
    const conflicts = conflictsOf(found.fields as Bag, customer as Bag);
    if (conflicts.length > 0) {
      for (const { path, was, now } of conflicts) {
        errors.push(
          rowError(row, headerOf(path), `${show(now)} differs from row ${found.firstRow} (${show(was)}) for the same customer`),
        );
      }
      continue;
    }
    found.fields = merged(found.fields as Bag, customer as Bag) as CustomerPatch;
    found.rows.push(row);
    found.identityOnly &&= identityOnly;
    customerOf.set(row, found);
    index(found);
  }
  return { customers, customerOf, errors };

  /** By code; else by tax number or exact name, where that row did not carry a different key. */
  function sameCustomer({ code, taxNumber, name }: CustomerPatch): FileCustomer | undefined {
    const byCodeFound = code != null ? byCode.get(code) : undefined;
    if (byCodeFound) return byCodeFound;
    const sameOrNone = (a: string | null | undefined, b: string | null | undefined) => a == null || b == null || a === b;
    const compatible = (c: FileCustomer | undefined) =>
      c && (code == null || c.fields.code == null) && sameOrNone(taxNumber, c.fields.taxNumber) ? c : undefined;
    return (
      (taxNumber != null ? compatible(byTax.get(taxNumber)) : undefined) ??
      (name !== undefined ? compatible(byName.get(exactNameKey(name))) : undefined)
    );
  }

  function index(c: FileCustomer): void {
    const { code, taxNumber, name } = c.fields;
    if (code != null && !byCode.has(code)) byCode.set(code, c);
    if (taxNumber != null && !byTax.has(taxNumber)) byTax.set(taxNumber, c);
    if (name !== undefined && !byName.has(exactNameKey(name))) byName.set(exactNameKey(name), c);
  }
}

const show = (v: unknown) => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v));
const isBag = (v: unknown): v is Bag => typeof v === 'object' && v !== null && !Array.isArray(v);

export function conflictsOf(base: Bag, next: Bag, prefix: string[] = []): { path: string[]; was: unknown; now: unknown }[] {
  const out: { path: string[]; was: unknown; now: unknown }[] = [];
  for (const [key, value] of Object.entries(next)) {
    const was = base[key];
    if (was === undefined || was === null || Array.isArray(value)) continue;
    if (isBag(value) && isBag(was)) out.push(...conflictsOf(was, value, [...prefix, key]));
    else if (key === 'name' && exactNameKey(String(value)) === exactNameKey(String(was))) continue;
    else if (was !== value) out.push({ path: [...prefix, key], was, now: value });
  }
  return out;
}

/** `next` over `base`: missing values filled in, lists united. */
export function merged(base: Bag, next: Bag): Bag {
  const out: Bag = { ...base };
  for (const [key, value] of Object.entries(next)) {
    const was = out[key];
    if (Array.isArray(value) && Array.isArray(was)) out[key] = [...new Set([...was, ...value])];
    else if (isBag(value) && isBag(was)) out[key] = merged(was, value);
    else if (was === undefined || was === null) out[key] = value;
  }
  return out;
}

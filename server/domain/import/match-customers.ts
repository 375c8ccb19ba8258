import type { DuplicatePolicy, ImportDuplicate, ImportRowError } from '../../../shared/schemas/import';
import { exactNameKey, type FileCustomer } from './file-customers';
import { NameIndex } from './name-index';
import { rowError } from './read-rows';
import type { CustomerKeys } from '../../storage/repositories/import-data';

/** What the dry run needs to know of each live customer of the organisation (as the repository reads it). */
export type KnownCustomer = CustomerKeys;

export type Outcome =
  | { kind: 'create' }
  /** An existing customer: updated with the row's fields, or only referenced by a contacts file. */
  | { kind: 'existing'; customer: KnownCustomer }
  | { kind: 'skip' }
  | { kind: 'error' };

type Other = { customerId: string | null; row: number | null; name: string };

/**
 * Decides for each customer of the file: update an existing one (same code, else same tax
 * number), refer to one (a contacts file naming it), create it, or skip it as a likely duplicate
 * (same tax number, email domain or near-identical name as an existing customer or an earlier
 * row) when the policy says skip. Ambiguous or contradictory keys are row errors.
 */
export function matchCustomers(fileCustomers: readonly FileCustomer[], known: readonly KnownCustomer[], policy: DuplicatePolicy) {
  const byCode = new Map<string, KnownCustomer>();
  const byTax = groupBy(known, (k) => k.taxNumber);
  const byName = groupBy(known, (k) => exactNameKey(k.name));
  const byDomain = new Map<string, Other>();
  const taxSeen = new Map<string, Other>();
  const names = new NameIndex<Other>();
  for (const k of known) {
    if (k.code !== null) byCode.set(k.code, k);
    const other = { customerId: k.id, row: null, name: k.name };
    for (const d of k.emailDomains) if (!byDomain.has(d)) byDomain.set(d, other);
    if (k.taxNumber !== null && !taxSeen.has(k.taxNumber)) taxSeen.set(k.taxNumber, other);
    names.add(k.name, other);
  }

  const outcomes = new Map<FileCustomer, Outcome>();
  const duplicates: ImportDuplicate[] = [];
  const errors: ImportRowError[] = [];
  const fail = (fc: FileCustomer, column: string | null, message: string) => {
    errors.push(rowError(fc.firstRow, column, message));
    outcomes.set(fc, { kind: 'error' });
  };

  for (const fc of fileCustomers) {
    const { code, taxNumber, name } = fc.fields;
    const byItsCode = code != null ? byCode.get(code) : undefined;
    const sameTax = taxNumber != null ? (byTax.get(taxNumber) ?? []) : [];
    if (byItsCode) {
      if (taxNumber != null && byItsCode.taxNumber !== null && byItsCode.taxNumber !== taxNumber) {
        report(fc, 'code', code!, { customerId: byItsCode.id, row: null, name: byItsCode.name }, 'skipped');
        outcomes.set(fc, { kind: 'skip' });
      } else outcomes.set(fc, { kind: 'existing', customer: byItsCode });
      continue;
    }
    if (sameTax.length === 1 && (code == null || sameTax[0]!.code === null)) {
      outcomes.set(fc, { kind: 'existing', customer: sameTax[0]! });
      continue;
    }
    if (fc.identityOnly && code == null && taxNumber == null && name !== undefined) {
      const same = byName.get(exactNameKey(name)) ?? [];
      if (same.length === 1) {
        outcomes.set(fc, { kind: 'existing', customer: same[0]! });
        continue;
      }
      if (same.length > 1) {
        fail(fc, null, `${same.length} customers are called ${name}: add their code or tax number`);
        continue;
      }
    }
    if (name === undefined) {
      const key = code != null ? `code ${code}` : `tax number ${taxNumber}`;
      fail(fc, null, `no customer has ${key}: add the customer name to create one`);
      continue;
    }
    // A new customer: does it look like one we already have, or like an earlier row?
    const self: Other = { customerId: null, row: fc.firstRow, name };
    const taxTwin = taxNumber != null ? taxSeen.get(taxNumber) : undefined;
    const domain = (fc.fields.emailDomains ?? []).find((d) => byDomain.has(d));
    const nameTwin = names.find(name)[0];
    const action = policy === 'skip' ? 'skipped' : 'created';
    if (taxTwin) report(fc, 'taxNumber', taxNumber!, taxTwin, action);
    if (domain) report(fc, 'emailDomain', domain, byDomain.get(domain)!, action);
    if (nameTwin) report(fc, 'name', nameTwin.name, nameTwin, action);
    if ((taxTwin || domain || nameTwin) && policy === 'skip') {
      outcomes.set(fc, { kind: 'skip' });
      continue;
    }
    outcomes.set(fc, { kind: 'create' });
    if (taxNumber != null && !taxSeen.has(taxNumber)) taxSeen.set(taxNumber, self);
    for (const d of fc.fields.emailDomains ?? []) if (!byDomain.has(d)) byDomain.set(d, self);
    names.add(name, self);
  }
  return { outcomes, duplicates, errors };

  function report(
    fc: FileCustomer,
    reason: ImportDuplicate['reason'],
    value: string,
    other: Other,
    action: ImportDuplicate['action'],
  ) {
    duplicates.push({
      row: fc.firstRow,
      name: fc.fields.name ?? fc.fields.code ?? '',
      reason,
      value,
      existingCustomerId: other.customerId,
      existingRow: other.row,
      existingName: other.name,
      action,
    });
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

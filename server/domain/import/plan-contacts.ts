import { matchKeyOf, normaliseEmail } from '../../../shared/domain/email';
import { contactCreateSchema, type ContactCreateInput, type ContactPatch } from '../../../shared/schemas/contact';
import type { DuplicatePolicy, ImportDuplicate, ImportRowError, ImportUpdate } from '../../../shared/schemas/import';
import { diffRecord } from './diff-records';
import { conflictsOf, exactNameKey, merged } from './file-customers';
import { newId } from './new-ids';
import type { ParsedRow } from './read-rows';
import { rowError } from './read-rows';

/** A live contact the dry run may match: found by one of the file's addresses or by its customer. */
export type KnownContact = ContactPatch & { id: string; customerId: string; name: string; emails: string[]; version: number };

/** Where each row's customer ended up (plan-import): its id, or why its contact cannot be added. */
export type RowCustomer = { id: string; name: string } | { skipped: true } | { error: true } | null;

type FileContact = { row: number; rows: number[]; customerId: string; fields: ContactPatch; existing: KnownContact | null };

export type ContactUpdate = { id: string; version: number; row: number; patch: ContactPatch };

/**
 * Contacts of the file: the same person on two rows (same customer and a shared address, or the
 * same name) is one contact; an address already held by a contact of the same customer updates
 * that contact; one held by another customer's contact is a likely duplicate.
 */
export function planContacts(
  rows: readonly ParsedRow[],
  customerOf: (row: number) => RowCustomer,
  known: readonly KnownContact[],
  policy: DuplicatePolicy,
  headerOf: (path: string[]) => string | null,
) {
  const byKey = new Map<string, KnownContact[]>();
  const byName = new Map<string, KnownContact>();
  for (const k of known) {
    for (const key of new Set(k.emails.map(matchKeyOf))) byKey.set(key, [...(byKey.get(key) ?? []), k]);
    byName.set(`${k.customerId}\n${exactNameKey(k.name)}`, k);
  }
  const fileByKey = new Map<string, FileContact>();
  const fileByName = new Map<string, FileContact>();
  const contacts: FileContact[] = [];
  const errors: ImportRowError[] = [];
  const duplicates: ImportDuplicate[] = [];
  const skippedRows = new Set<number>();

  for (const { row, contact } of rows) {
    if (!contact) continue;
    const customer = customerOf(row);
    if (customer === null) {
      errors.push(rowError(row, null, "the contact's customer is missing: fill in the customer name, code or tax number"));
      continue;
    }
    if ('skipped' in customer) {
      skippedRows.add(row);
      continue;
    }
    if ('error' in customer) continue;
    const emails = contact.emails ? { emails: [...new Set(contact.emails.map(normaliseEmail))] } : {};
    const fields: ContactPatch = { ...contact, ...emails };
    const keys = (fields.emails ?? []).map(matchKeyOf);
    const nameKey = fields.name !== undefined ? `${customer.id}\n${exactNameKey(fields.name)}` : null;
    const inFile =
      keys.map((k) => fileByKey.get(`${customer.id}\n${k}`)).find(Boolean) ?? (nameKey ? fileByName.get(nameKey) : undefined);
    if (inFile) {
      const conflicts = conflictsOf(inFile.fields, fields);
      if (conflicts.length > 0) {
        for (const { path, was, now } of conflicts) {
          const message = `"${String(now)}" differs from row ${inFile.row} ("${String(was)}") for the same contact`;
          errors.push(rowError(row, headerOf(path), message));
        }
        continue;
      }
      inFile.fields = merged(inFile.fields, fields) as ContactPatch;
      inFile.rows.push(row);
      index(inFile, keys, nameKey);
      continue;
    }
    const holders = keys.flatMap((k) => byKey.get(k) ?? []);
    const own = holders.find((h) => h.customerId === customer.id) ?? (nameKey ? byName.get(nameKey) : undefined);
    const foreign = own ? undefined : holders.find((h) => h.customerId !== customer.id);
    if (foreign) {
      const shared = foreign.emails.map(matchKeyOf).find((k) => keys.includes(k));
      const address = (fields.emails ?? []).find((e) => matchKeyOf(e) === shared);
      duplicates.push({
        row,
        name: fields.name ?? address ?? '',
        reason: 'contactEmail',
        value: address ?? '',
        existingCustomerId: foreign.customerId,
        existingRow: null,
        existingName: foreign.name,
        action: policy === 'skip' ? 'skipped' : 'created',
      });
      if (policy === 'skip') {
        skippedRows.add(row);
        continue;
      }
    }
    if (!own && fields.name === undefined) {
      errors.push(rowError(row, headerOf(['name']), 'the contact name is missing'));
      continue;
    }
    const created: FileContact = { row, rows: [row], customerId: customer.id, fields, existing: own ?? null };
    contacts.push(created);
    index(created, keys, nameKey);
  }

  const creates: ContactCreateInput[] = [];
  const updates: ContactUpdate[] = [];
  const updateReports: ImportUpdate[] = [];
  let unchanged = 0;
  for (const c of contacts) {
    if (!c.existing) {
      const input = { ...c.fields, id: newId(), customerId: c.customerId, name: c.fields.name! };
      const parsed = contactCreateSchema.safeParse(input);
      if (parsed.success) creates.push(input);
      else {
        for (const issue of parsed.error.issues) errors.push(rowError(c.row, headerOf(issue.path.map(String)), issue.message));
      }
      continue;
    }
    const { customerId: _sameCustomer, ...incoming } = c.fields;
    const { patch, fields } = diffRecord(c.existing, incoming, (path) => `contact.${path.join('.')}`);
    if (fields.length === 0) unchanged++;
    else {
      updates.push({ id: c.existing.id, version: c.existing.version, row: c.row, patch });
      updateReports.push({ row: c.row, entity: 'contact', id: c.existing.id, name: c.existing.name, fields });
    }
  }
  return { creates, updates, updateReports, unchanged, errors, duplicates, skippedRows };

  function index(c: FileContact, keys: string[], nameKey: string | null): void {
    for (const k of keys) if (!fileByKey.has(`${c.customerId}\n${k}`)) fileByKey.set(`${c.customerId}\n${k}`, c);
    if (nameKey && !fileByName.has(nameKey)) fileByName.set(nameKey, c);
  }
}

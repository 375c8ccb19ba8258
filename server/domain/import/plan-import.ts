import { matchKeyOf } from '../../../shared/domain/email';
import type { CustomFieldDefinition } from '../../../shared/schemas/custom-field';
import type { OrgSettingsFields } from '../../../shared/schemas/org-settings';
import { customerCreateSchema, type CustomerCreateInput } from '../../../shared/schemas/customer';
import {
  REPORT_LIST_LIMIT,
  type ImportCounts,
  type ImportDuplicate,
  type ImportMapping,
  type ImportPass,
  type ImportRowError,
  type ImportUpdate,
  type DuplicatePolicy,
} from '../../../shared/schemas/import';
import type { Member } from '../../../shared/schemas/member';
import { resolveColumns } from './check-mapping';
import { diffRecord } from './diff-records';
import { exactNameKey, groupFileCustomers, type FileCustomer } from './file-customers';
import { matchCustomers, type KnownCustomer } from './match-customers';
import { newId } from './new-ids';
import type { PlanOperations } from './plan-operations';
import { planContacts, type KnownContact, type RowCustomer } from './plan-contacts';
import { planHistory } from './plan-history';
import { planServiceItems } from './plan-service-items';
import { customerTarget, readRow, rowError, type ParsedRow } from './read-rows';
import { contactLinker, rowCustomerFinder, type PlacedRow } from './row-customer';
import type { Table } from './read-table';

/** What the dry run reads from the database (import-service loads it; tests may fake it). */
export type PlanSource = {
  members: readonly Member[];
  definitions: readonly CustomFieldDefinition[];
  customers: readonly KnownCustomer[];
  /** Full records of existing customers the file updates. */
  customerRecords(ids: string[]): Promise<Record<string, unknown>[]>;
  /** Live contacts holding one of these address keys or belonging to one of these customers. */
  contacts(emailKeys: string[], customerIds: string[]): Promise<KnownContact[]>;
  /** The organisation's rules (pass 2's service clocks; read only when a file has service items). */
  settings(): Promise<OrgSettingsFields>;
};

export type PlanRequest = {
  planId: string;
  userId: string;
  pass: ImportPass;
  mapping: ImportMapping;
  duplicates: DuplicatePolicy;
  utcOffsetMinutes: number;
};

export type BuiltPlan = {
  operations: PlanOperations;
  mapping: ImportMapping;
  counts: ImportCounts;
  errors: ImportRowError[];
  duplicates: ImportDuplicate[];
  updates: ImportUpdate[];
};

export async function buildPlan(table: Table, request: PlanRequest, source: PlanSource): Promise<BuiltPlan> {
  const columns = resolveColumns(table.headers, request.mapping, request.pass, source.definitions);
  const ctx = {
    columns,
    headerCount: table.headers.length,
    members: source.members,
    definitions: source.definitions,
    utcOffsetMinutes: request.utcOffsetMinutes,
  };
  const parsed = table.rows.map((r) => readRow(r, ctx));
  const errors = parsed.flatMap((r) => r.errors);
  const valid = parsed.filter((r) => r.errors.length === 0);
  const headerOf = (path: string[]) => columns.headersOf.get(customerTarget(path))?.[0] ?? null;
  const contactHeaderOf = (path: string[]) => columns.headersOf.get(`contact.${path[0]}`)?.[0] ?? null;
  const empty: PlanOperations = {
    customerCreates: [], customerUpdates: [], contactCreates: [], contactUpdates: [], historyCreates: [],
    followUpCreates: [], serviceCreates: [], serviceFollowUps: [],
    expect: { freeCodes: [], freeTaxNumbers: [], liveCustomerIds: [] },
  };

  if (request.pass === 'open_items') return finishOpenItems();

  const grouping = groupFileCustomers(valid, headerOf);
  errors.push(...grouping.errors);
  const conflictRows = new Set(grouping.errors.map((e) => e.row));
  const usable = valid.filter((r) => !conflictRows.has(r.row));
  // A customer is imported only if all its rows are: one bad row of it would otherwise be
  // silently replaced by what its other rows say.
  const bad = parsed.filter((r) => r.errors.length > 0 || conflictRows.has(r.row));
  const { whole, blocked } = splitBlocked(grouping.customers, bad);
  for (const [fc, badRow] of blocked) {
    errors.push(rowError(fc.firstRow, null, `not imported because row ${badRow} of the same customer has errors`));
  }
  const matched = matchCustomers(whole, source.customers, request.duplicates);
  errors.push(...matched.errors);

  const ids = new Map<FileCustomer, string>();
  const operations: PlanOperations = structuredClone(empty);
  const updates: ImportUpdate[] = [];
  const outcomes = [...matched.outcomes.values()];
  const existingIds = [...new Set(outcomes.flatMap((o) => (o.kind === 'existing' ? [o.customer.id] : [])))];
  const records = new Map((await source.customerRecords(existingIds)).map((r) => [r.id as string, r]));
  let customersUnchanged = 0;
  for (const fc of whole) {
    const outcome = matched.outcomes.get(fc)!;
    if (outcome.kind === 'create') {
      const input = { ...fc.fields, id: newId() } as CustomerCreateInput;
      const check = customerCreateSchema.safeParse(input);
      if (!check.success) {
        for (const issue of check.error.issues) errors.push(rowError(fc.firstRow, headerOf(issue.path.map(String)), issue.message));
        continue;
      }
      ids.set(fc, input.id);
      operations.customerCreates.push(input);
      if (input.code != null) operations.expect.freeCodes.push(input.code);
      if (input.taxNumber != null) operations.expect.freeTaxNumbers.push(input.taxNumber);
    } else if (outcome.kind === 'existing') {
      const { id, version, name } = outcome.customer;
      ids.set(fc, id);
      const { patch, fields } = diffRecord(records.get(id) ?? {}, fc.fields, (path) => customerTarget(path));
      if (fields.length === 0) {
        customersUnchanged++;
        operations.expect.liveCustomerIds.push(id);
        continue;
      }
      operations.customerUpdates.push({ id, version, row: fc.firstRow, patch });
      if (typeof patch.code === 'string') operations.expect.freeCodes.push(patch.code);
      updates.push({ row: fc.firstRow, entity: 'customer', id, name, fields });
    }
  }

  const rowCustomer = (row: number): RowCustomer => {
    const fc = grouping.customerOf.get(row);
    if (!fc) return null;
    const kind = matched.outcomes.get(fc)?.kind;
    const id = ids.get(fc);
    if (kind === 'skip') return { skipped: true };
    return id ? { id, name: fc.fields.name ?? '' } : { error: true };
  };
  const keys = usable.flatMap((r) => (r.contact?.emails ?? []).map(matchKeyOf));
  const known = await source.contacts([...new Set(keys)], existingIds);
  const contacts = planContacts(usable, rowCustomer, known, request.duplicates, contactHeaderOf);
  errors.push(...contacts.errors);
  operations.contactCreates = contacts.creates;
  operations.contactUpdates = contacts.updates;
  updates.push(...contacts.updateReports);

  const skippedRows = new Set(contacts.skippedRows);
  for (const fc of grouping.customers) {
    if (matched.outcomes.get(fc)?.kind === 'skip') fc.rows.forEach((r) => skippedRows.add(r));
  }
  return finish(operations, [...matched.duplicates, ...contacts.duplicates], updates, {
    customersToCreate: operations.customerCreates.length,
    customersToUpdate: operations.customerUpdates.length,
    customersUnchanged,
    contactsToCreate: contacts.creates.length,
    contactsToUpdate: contacts.updates.length,
    skippedRows: skippedRows.size,
  });

  /**
   * Pass 2: each row finds its existing customer once, then becomes a timeline entry, an open
   * follow-up and/or an open service item.
   */
  async function finishOpenItems(): Promise<BuiltPlan> {
    const keys = valid.flatMap((r) => (r.contact?.emails ?? []).map(matchKeyOf));
    const contactsOf = contactLinker(await source.contacts([...new Set(keys)], []));
    const find = rowCustomerFinder(source.customers);
    const placed: PlacedRow[] = [];
    for (const r of valid) {
      if (!r.history && !r.followUp && !r.service) {
        const message = 'nothing to import: fill in the date and the summary, the follow-up due time, or the request or complaint and when it was received';
        errors.push(rowError(r.row, null, message));
        continue;
      }
      const known = find(r.customer);
      if ('problem' in known) errors.push(rowError(r.row, null, known.problem));
      else placed.push({ ...r, known });
    }
    const activeMemberIds = new Set(source.members.map((m) => m.id));
    const now = Date.now();
    const serviceRows = placed.filter((p) => p.service);
    const service =
      serviceRows.length === 0
        ? { creates: [], followUps: [], errors: [], overdue: 0 }
        : await planServiceItems(serviceRows, {
            contactsOf,
            importerId: request.userId,
            activeMemberIds,
            settings: await source.settings(),
            now,
            headerOf: (target) => columns.headersOf.get(target)?.[0] ?? null,
          });
    errors.push(...service.errors);
    // A row is imported whole or not at all: a refused service item keeps its interaction and its
    // follow-up out too.
    const refused = new Set(service.errors.map((e) => e.row));
    const kept = placed.filter((p) => !refused.has(p.row));
    const history = planHistory(kept, contactsOf, request.userId, request.planId, activeMemberIds);
    const liveCustomerIds = [...new Set([...history.creates, ...history.followUps, ...service.creates].map((h) => h.customerId))];
    const operations: PlanOperations = {
      ...empty,
      historyCreates: history.creates,
      followUpCreates: history.followUps,
      serviceCreates: service.creates,
      serviceFollowUps: service.followUps,
      expect: { ...empty.expect, liveCustomerIds },
    };
    return finish(operations, [], [], {
      historyToCreate: history.creates.length,
      followUpsToCreate: history.followUps.length,
      followUpsOverdue: history.followUps.filter((f) => Date.parse(f.dueAt) < now).length,
      serviceItemsToCreate: service.creates.length,
      serviceItemsOverdue: service.overdue,
    });
  }

  function finish(
    operations: PlanOperations,
    duplicates: ImportDuplicate[],
    updates: ImportUpdate[],
    counts: Partial<ImportCounts>,
  ): BuiltPlan {
    errors.sort((a, b) => a.row - b.row);
    duplicates.sort((a, b) => a.row - b.row);
    updates.sort((a, b) => a.row - b.row);
    return {
      operations,
      mapping: columns.mapping,
      counts: {
        dataRows: table.rows.length,
        emptyRows: table.emptyRows,
        errorRows: new Set(errors.map((e) => e.row)).size,
        customersToCreate: 0,
        customersToUpdate: 0,
        customersUnchanged: 0,
        contactsToCreate: 0,
        contactsToUpdate: 0,
        historyToCreate: 0,
        duplicates: duplicates.length,
        skippedRows: 0,
        followUpsToCreate: 0,
        followUpsOverdue: 0,
        serviceItemsToCreate: 0,
        serviceItemsOverdue: 0,
        ...counts,
      },
      errors,
      duplicates,
      updates,
    };
  }
}

/** File customers that share a key (code, else tax number, else exact name) with a bad row. */
function splitBlocked(customers: readonly FileCustomer[], bad: readonly ParsedRow[]) {
  const byKey = new Map<string, number>();
  for (const { row, keys } of bad) {
    const key =
      keys.code !== null ? `code:${keys.code}`
      : keys.taxNumber !== null ? `tax:${keys.taxNumber}`
      : keys.name !== null ? `name:${exactNameKey(keys.name)}`
      : null;
    if (key && !byKey.has(key)) byKey.set(key, row);
  }
  const whole: FileCustomer[] = [];
  const blocked: [FileCustomer, number][] = [];
  for (const fc of customers) {
    const { code, taxNumber, name } = fc.fields;
    const badRow =
      (code != null ? byKey.get(`code:${code}`) : undefined) ??
      (taxNumber != null ? byKey.get(`tax:${taxNumber}`) : undefined) ??
      (name !== undefined ? byKey.get(`name:${exactNameKey(name)}`) : undefined);
    if (badRow === undefined) whole.push(fc);
    else blocked.push([fc, badRow]);
  }
  return { whole, blocked };
}

export const capList = <T>(list: T[]) => ({
  items: list.slice(0, REPORT_LIST_LIMIT),
  more: Math.max(0, list.length - REPORT_LIST_LIMIT),
});

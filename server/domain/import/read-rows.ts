import { z } from 'zod';
import { normaliseEmail } from '../../../shared/domain/email';
import { contactPatchSchema, type ContactPatch } from '../../../shared/schemas/contact';
import type { CustomFieldDefinition } from '../../../shared/schemas/custom-field';
import { customerPatchSchema, type CustomerPatch } from '../../../shared/schemas/customer';
import { IGNORE_COLUMN, type ImportRowError } from '../../../shared/schemas/import';
import type { Member } from '../../../shared/schemas/member';
import { instantSchema, textSchema } from '../../../shared/schemas/common';
import { serviceChannelSchema, serviceTypeSchema } from '../../../shared/schemas/service-item';
import { timelineKindSchema, type TimelineKind } from '../../../shared/schemas/timeline';
import { isEmptyCell, parseCell, parseDate, parseNumber, type CellValue } from './cell-values';
import type { Columns } from './check-mapping';
import { wordKey } from './enum-words';
import type { TableRow } from './read-table';
import { TARGETS, isBaseTarget } from './targets';

export type HistoryValues = { occurredAt: string; kind: TimelineKind; summary: string };
/** An open follow-up of pass 2; the reason is the row's summary when it has none of its own. */
export type FollowUpValues = { dueAt: string; reason: string; ownerUserId: string | null };
/** An open request or complaint of pass 2 (issue 4B). */
export type ServiceValues = z.output<typeof serviceRowSchema>;

/** One data row after mapping and validation. Empty parts are null; sparse fields only. */
export type ParsedRow = {
  row: number;
  customer: CustomerPatch | null;
  contact: ContactPatch | null;
  history: HistoryValues | null;
  followUp: FollowUpValues | null;
  service: ServiceValues | null;
  errors: ImportRowError[];
  /** The customer's keys as written, even when the row is invalid: a bad row keeps its customer out. */
  keys: CustomerKeys;
};
export type CustomerKeys = { code: string | null; taxNumber: string | null; name: string | null };

export type RowContext = {
  columns: Columns;
  headerCount: number;
  members: readonly Member[];
  definitions: readonly CustomFieldDefinition[];
  utcOffsetMinutes: number;
};

type Bag = Record<string, unknown>;
/** What a note accepts (shared/schemas/timeline noteCreateSchema), with the kinds pass 2 reads. */
const historySchema = z.object({
  occurredAt: instantSchema,
  kind: timelineKindSchema.default('note'),
  summary: textSchema(10_000).min(1),
});
const followUpSchema = z.object({
  dueAt: instantSchema,
  reason: textSchema(1000).min(1),
  ownerUserId: z.string().nullable().default(null),
});
/** What service.create accepts (shared/schemas/service-item), with the optional steps already taken. */
const serviceRowSchema = z.object({
  receivedAt: instantSchema,
  summary: textSchema(2000).min(1),
  type: serviceTypeSchema.default('complaint'),
  channel: serviceChannelSchema.default('other'),
  urgent: z.boolean().default(false),
  ownerUserId: z.string().nullable().default(null),
  promisedReplyAt: instantSchema.nullable().default(null),
  firstReplyAt: instantSchema.nullable().default(null),
});
const GROUPS = new Set(['profile', 'valueCard', 'needs', 'sensitive']);

export function rowError(row: number, column: string | null, message: string): ImportRowError {
  return { row, column, message: `Row ${row}${column ? `, column "${column}"` : ''}: ${message}` };
}

export function readRow(tableRow: TableRow, ctx: RowContext): ParsedRow {
  const { row, cells } = tableRow;
  const errors: ImportRowError[] = [];
  const customer: Bag = {};
  const contact: Bag = {};
  const history: Bag = {};
  const followUp: Bag = {};
  const service: Bag = {};
  let owner: { text: string; header: string } | null = null;
  let followUpOwner: { text: string; header: string } | null = null;
  let serviceOwner: { text: string; header: string } | null = null;

  let filled = cells.length;
  while (filled > 0 && cells[filled - 1] === '') filled--;
  if (filled > ctx.headerCount) {
    const message = `has ${filled} cells but the header has ${ctx.headerCount} columns (an unquoted comma in a value?)`;
    errors.push(rowError(row, null, message));
  }
  ctx.columns.targets.forEach((target, i) => {
    const text = cells[i] ?? '';
    if (target === IGNORE_COLUMN || isEmptyCell(text)) return;
    const header = ctx.columns.headers[i]!;
    const value = isBaseTarget(target)
      ? parseCell(TARGETS[target].kind, text, ctx.utcOffsetMinutes)
      : customValue(target.slice('custom.'.length), text, ctx.definitions);
    if (!value.ok) return void errors.push(rowError(row, header, value.message));
    if (target === 'customer.owner') return void (owner = { text: value.value as string, header });
    if (target === 'followUp.owner') return void (followUpOwner = { text: value.value as string, header });
    if (target === 'service.owner') return void (serviceOwner = { text: value.value as string, header });
    const [entity, ...path] = target === 'customer.email' ? ['customer', 'emailDomains'] : target.split('.');
    const bag =
      entity === 'contact' ? contact
      : entity === 'history' ? history
      : entity === 'followUp' ? followUp
      : entity === 'service' ? service
      : customer;
    const key = entity === 'custom' ? ['customFields', ...path] : path;
    put(bag, key, value.value);
  });

  // Typed here: assigned inside the callback above, which flow analysis does not follow.
  type Named = { text: string; header: string } | null;
  const owners: [Named, Bag][] = [
    [owner, customer],
    [followUpOwner, followUp],
    [serviceOwner, service],
  ];
  for (const [named, bag] of owners) {
    if (!named) continue;
    const found = findMember(ctx.members, named.text);
    if (typeof found === 'string') bag.ownerUserId = found;
    else errors.push(rowError(row, named.header, found.problem));
  }
  if (typeof customer.taxNumber === 'string') customer.taxNumber = normaliseTaxNumber(customer.taxNumber);
  const keyText = (target: string) => {
    const i = ctx.columns.targets.indexOf(target as never);
    const text = i === -1 ? '' : (cells[i] ?? '').trim();
    return isEmptyCell(text) ? null : text;
  };
  const taxText = keyText('customer.taxNumber');
  const keys = { code: keyText('customer.code'), taxNumber: taxText && normaliseTaxNumber(taxText), name: keyText('customer.name') };
  const header = (target: string) => ctx.columns.headersOf.get(target)?.[0] ?? null;
  const parsedCustomer = validate(customerPatchSchema, customer, row, errors, (path) => header(customerTarget(path)));
  const parsedContact = validate(contactPatchSchema, contact, row, errors, (path) => header(`contact.${String(path[0])}`));
  let parsedHistory: HistoryValues | null = null;
  if (Object.keys(history).length > 0) {
    if (!history.occurredAt) errors.push(rowError(row, header('history.occurredAt'), 'the date is missing'));
    else if (!history.summary) errors.push(rowError(row, header('history.summary'), 'the summary is missing'));
    else parsedHistory = validate(historySchema, history, row, errors, (path) => header(`history.${String(path[0])}`));
  }
  let parsedFollowUp: FollowUpValues | null = null;
  if (Object.keys(followUp).length > 0) {
    followUp.reason ??= history.summary;
    if (!followUp.dueAt) errors.push(rowError(row, header('followUp.dueAt'), 'the follow-up due time is missing'));
    else if (!followUp.reason) errors.push(rowError(row, header('followUp.reason'), 'say what to follow up on (or fill in the summary)'));
    else parsedFollowUp = validate(followUpSchema, followUp, row, errors, (path) => header(`followUp.${String(path[0])}`));
  }
  let parsedService: ServiceValues | null = null;
  if (Object.keys(service).length > 0) {
    if (!service.receivedAt) errors.push(rowError(row, header('service.receivedAt'), 'the received time of the request or complaint is missing'));
    else if (!service.summary) errors.push(rowError(row, header('service.summary'), 'say what the customer asks'));
    else parsedService = validate(serviceRowSchema, service, row, errors, (path) => header(`service.${String(path[0])}`));
  }
  return { row, customer: parsedCustomer, contact: parsedContact, history: parsedHistory, followUp: parsedFollowUp, service: parsedService, errors, keys };
}

/** Tax numbers (统一社会信用代码) are upper-case letters and digits; people add spaces. */
const normaliseTaxNumber = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').toUpperCase();

function put(bag: Bag, path: string[], value: CellValue): void {
  const [first, second] = path as [string, string | undefined];
  const target = second === undefined ? bag : ((bag[first] ??= {}) as Bag);
  const key = second ?? first;
  // Several columns into one list field (电话 + 手机 → phones) collect their values.
  const previous = target[key];
  target[key] = Array.isArray(previous) && Array.isArray(value) ? [...new Set([...previous, ...value])] : value;
}

export function customerTarget(path: PropertyKey[]): string {
  const [first, second] = path.map(String);
  if (first === 'customFields') return `custom.${second}`;
  if (first === 'emailDomains') return 'customer.emailDomains';
  return GROUPS.has(first!) ? `customer.${first}.${second}` : `customer.${first}`;
}

function validate<S extends z.ZodType>(
  schema: S,
  bag: Bag,
  row: number,
  errors: ImportRowError[],
  headerOf: (path: PropertyKey[]) => string | null,
): z.output<S> | null {
  if (Object.keys(bag).length === 0) return null;
  const parsed = schema.safeParse(bag);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    // customer.email and customer.emailDomains both fill emailDomains: name either column.
    errors.push(rowError(row, headerOf(issue.path) ?? null, issue.message));
  }
  return null;
}

/** An owner cell names a member by email or by display name; a name shared by two is ambiguous. */
export function findMember(members: readonly Member[], text: string): string | { problem: string } {
  if (text.includes('@')) {
    const email = normaliseEmail(text);
    const byEmail = members.find((m) => m.email === email);
    return byEmail ? byEmail.id : { problem: `no member of this organisation has the address ${text}` };
  }
  const key = wordKey(text);
  const byName = members.filter((m) => wordKey(m.displayName) === key);
  if (byName.length === 1) return byName[0]!.id;
  if (byName.length > 1) return { problem: `${byName.length} members are called ${text}: use their email address` };
  return { problem: `no member of this organisation is called ${text}` };
}

function customValue(key: string, text: string, definitions: readonly CustomFieldDefinition[]) {
  const definition = definitions.find((d) => d.key === key)!;
  switch (definition.type) {
    case 'text':
      return { ok: true as const, value: text };
    case 'number':
      return parseNumber(text);
    case 'boolean':
      return parseCell('boolean', text, 0);
    case 'date': {
      const date = parseDate(text);
      if (date && date.rest === '') return { ok: true as const, value: date.date };
      return { ok: false as const, message: `"${text}" is not a date such as 2024-03-15` };
    }
    case 'select': {
      const option = definition.options.find((o) => wordKey(o) === wordKey(text));
      return option !== undefined
        ? { ok: true as const, value: option }
        : { ok: false as const, message: `"${text}" is not one of: ${definition.options.join(', ')}` };
    }
  }
}

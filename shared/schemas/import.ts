import { z } from 'zod';
import { customFieldKeySchema } from './custom-field';

/**
 * The contract of CSV/Excel import (DOMAIN.md "Data in and out"): which column goes to which
 * field, the dry-run report, and the result of applying a plan. Server, CLI and options page all
 * speak these shapes.
 */

/**
 * Two passes, as the rollout method in the seeds prescribes (seeds-digest IMP-11: static data
 * import, then dynamic data import at cut-over): master data first, open items at cut-over.
 */
export const importPassSchema = z.enum(['master', 'open_items']);
export type ImportPass = z.infer<typeof importPassSchema>;

/** Fields of the customer file a column can fill (pass 1). */
export const CUSTOMER_TARGETS = [
  'customer.code',
  'customer.name',
  'customer.shortNames',
  'customer.taxNumber',
  'customer.customerClass',
  'customer.valueTier',
  'customer.pyramidStage',
  'customer.keyAccount',
  'customer.keyAccountScore',
  'customer.relationshipStage',
  'customer.leadSource',
  'customer.owner',
  'customer.emailDomains',
  /** A company address such as info@acme.com: its domain joins emailDomains (never free mail). */
  'customer.email',
  'customer.tags',
  'customer.profile.registeredOn',
  'customer.profile.country',
  'customer.profile.region',
  'customer.profile.address',
  'customer.profile.phone',
  'customer.profile.fax',
  'customer.profile.website',
  'customer.profile.industry',
  'customer.profile.mainProducts',
  'customer.profile.productionScale',
  'customer.profile.mainDownstreamCustomers',
  'customer.valueCard.currency',
  'customer.valueCard.cumulativeAmount',
  'customer.valueCard.cumulativeQuantity',
  'customer.valueCard.thisYearAmount',
  'customer.valueCard.historicalAverage',
  'customer.valueCard.annualAverage',
  'customer.needs.capacity',
  'customer.needs.quality',
  'customer.needs.deliveryTime',
  'customer.sensitive.bank',
  'customer.sensitive.bankAccount',
] as const;

export const CONTACT_TARGETS = [
  'contact.name',
  'contact.title',
  'contact.emails',
  'contact.phones',
  'contact.buyingRole',
  'contact.relationshipStrength',
  'contact.preferredChannel',
  'contact.birthday',
  'contact.notes',
] as const;

/** Pass 2: interaction history (calls, visits, meetings, notes) onto the customer's timeline. */
export const HISTORY_TARGETS = ['history.occurredAt', 'history.kind', 'history.summary'] as const;

/**
 * Pass 2, issue 4: open follow-ups at cut-over ("下次跟进时间" columns). A row may carry both a
 * past interaction and the follow-up it left open; without its own reason the follow-up takes
 * the interaction's summary.
 */
export const FOLLOW_UP_TARGETS = ['followUp.dueAt', 'followUp.reason', 'followUp.owner'] as const;

/**
 * Pass 2, issue 4B: requests and complaints still open at cut-over. Received time and summary
 * are required; type (complaint unless it says request), channel, urgent, owner, the promised
 * reply time (a committed complaint) and the first reply time are optional. Items the old system
 * already resolved belong in the history rows, not here.
 */
export const SERVICE_TARGETS = [
  'service.receivedAt',
  'service.summary',
  'service.type',
  'service.channel',
  'service.urgent',
  'service.owner',
  'service.promisedReplyAt',
  'service.firstReplyAt',
] as const;

export const BASE_TARGETS = [
  ...CUSTOMER_TARGETS,
  ...CONTACT_TARGETS,
  ...HISTORY_TARGETS,
  ...FOLLOW_UP_TARGETS,
  ...SERVICE_TARGETS,
] as const;
export type BaseTarget = (typeof BASE_TARGETS)[number];
/** `custom.<key>`: a custom field the organisation defined. */
export type CustomTarget = `custom.${string}`;
export type ImportTarget = BaseTarget | CustomTarget;

export const IGNORE_COLUMN = 'ignore';

export const importTargetSchema = z.union([
  z.enum(BASE_TARGETS),
  z.templateLiteral(['custom.', customFieldKeySchema]),
]);
export const columnTargetSchema = z.union([importTargetSchema, z.literal(IGNORE_COLUMN)]);
export type ColumnTarget = z.infer<typeof columnTargetSchema>;

/** Header label (as the inspect step returned it) → target. Headers left out get the suggestion. */
export const importMappingSchema = z
  .record(z.string().max(300), columnTargetSchema)
  .refine((m) => Object.keys(m).length <= 500, 'at most 500 columns');
export type ImportMapping = z.infer<typeof importMappingSchema>;

/** What a file may weigh (before base64). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** The base64 text of MAX_IMPORT_BYTES. */
export const MAX_IMPORT_BASE64_CHARS = Math.ceil(MAX_IMPORT_BYTES / 3) * 4;

export const importFileSchema = z.object({
  fileName: z.string().trim().min(1).max(255),
  contentBase64: z
    .string()
    .max(MAX_IMPORT_BASE64_CHARS, `the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB: split it into smaller files`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'the file content must be base64'),
});

export const importInspectInputSchema = importFileSchema.extend({ pass: importPassSchema.default('master') });

export const importTargetInfoSchema = z.object({
  id: importTargetSchema,
  /** English label; the options page shows its own translation of base targets. */
  label: z.string(),
  group: z.enum(['customer', 'contact', 'history', 'followUp', 'service', 'custom']),
});
export type ImportTargetInfo = z.infer<typeof importTargetInfoSchema>;

export const importInspectOutputSchema = z.object({
  format: z.enum(['csv', 'xlsx']),
  /** The text encoding found for a CSV (utf-8, utf-16le, gb18030…); null for xlsx. */
  encoding: z.string().nullable(),
  /** Unique labels: a repeated header gets " (2)", " (3)"… so the mapping can name each column. */
  headers: z.array(z.string()),
  sampleRows: z.array(z.array(z.string())),
  dataRows: z.number().int().nonnegative(),
  suggestedMapping: importMappingSchema,
  targets: z.array(importTargetInfoSchema),
});
export type ImportInspectOutput = z.infer<typeof importInspectOutputSchema>;

/** What to do with a row that looks like a customer that already exists (or appears earlier in the file). */
export const duplicatePolicySchema = z.enum(['skip', 'create']);
export type DuplicatePolicy = z.infer<typeof duplicatePolicySchema>;

export const importPlanInputSchema = importInspectInputSchema.extend({
  mapping: importMappingSchema.default({}),
  duplicates: duplicatePolicySchema.default('skip'),
  /** The importer's offset from UTC, for dates and times written without one (pass 2). */
  utcOffsetMinutes: z.number().int().min(-840).max(840).default(0),
});
export type ImportPlanInput = z.input<typeof importPlanInputSchema>;

export const importRowErrorSchema = z.object({
  /** The row number as a spreadsheet shows it (the header is row 1); 0 for the whole file. */
  row: z.number().int().nonnegative(),
  /** The column's header label, when one column is at fault. */
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

export const duplicateReasonSchema = z.enum(['code', 'taxNumber', 'emailDomain', 'name', 'contactEmail']);
export type DuplicateReason = z.infer<typeof duplicateReasonSchema>;

export const importDuplicateSchema = z.object({
  row: z.number().int().positive(),
  name: z.string(),
  reason: duplicateReasonSchema,
  /** The shared value: the code, tax number, domain, address, or the other name. */
  value: z.string(),
  /** The customer it resembles: an existing one (customerId) or an earlier row of this file. */
  existingCustomerId: z.string().nullable(),
  existingRow: z.number().int().nullable(),
  existingName: z.string(),
  action: z.enum(['skipped', 'created']),
});
export type ImportDuplicate = z.infer<typeof importDuplicateSchema>;

export const importUpdateSchema = z.object({
  row: z.number().int().positive(),
  entity: z.enum(['customer', 'contact']),
  id: z.string(),
  name: z.string(),
  /** Target ids of the fields that change. */
  fields: z.array(z.string()),
});
export type ImportUpdate = z.infer<typeof importUpdateSchema>;

export const importCountsSchema = z.object({
  dataRows: z.number().int(),
  emptyRows: z.number().int(),
  errorRows: z.number().int(),
  customersToCreate: z.number().int(),
  customersToUpdate: z.number().int(),
  customersUnchanged: z.number().int(),
  contactsToCreate: z.number().int(),
  contactsToUpdate: z.number().int(),
  historyToCreate: z.number().int(),
  duplicates: z.number().int(),
  skippedRows: z.number().int(),
  // Issue 4; plans stored before it have no such counts.
  followUpsToCreate: z.number().int().default(0),
  /** Follow-ups whose due time has passed: imported as overdue (a warning, not an error). */
  followUpsOverdue: z.number().int().default(0),
  // Issue 4B; plans stored before it have no such counts.
  serviceItemsToCreate: z.number().int().default(0),
  /** Open items whose first-reply deadline has passed without a reply: imported as overdue. */
  serviceItemsOverdue: z.number().int().default(0),
});
export type ImportCounts = z.infer<typeof importCountsSchema>;

/** Lists are cut at this length; `more` says how many were left out. */
export const REPORT_LIST_LIMIT = 1000;

export const importReportSchema = z.object({
  planId: z.string(),
  expiresAt: z.string(),
  pass: importPassSchema,
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string().nullable(),
  mapping: importMappingSchema,
  duplicatePolicy: duplicatePolicySchema,
  counts: importCountsSchema,
  errors: z.array(importRowErrorSchema),
  duplicates: z.array(importDuplicateSchema),
  updates: z.array(importUpdateSchema),
  more: z.object({ errors: z.number().int(), duplicates: z.number().int(), updates: z.number().int() }),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export const importApplyInputSchema = z.object({ planId: z.uuid() });

export const importApplyOutputSchema = z.object({
  planId: z.string(),
  customersCreated: z.number().int(),
  customersUpdated: z.number().int(),
  contactsCreated: z.number().int(),
  contactsUpdated: z.number().int(),
  historyCreated: z.number().int(),
  followUpsCreated: z.number().int().default(0),
  serviceItemsCreated: z.number().int().default(0),
});
export type ImportApplyOutput = z.infer<typeof importApplyOutputSchema>;

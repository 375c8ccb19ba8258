import { toCsv, type CsvCell } from '../../../shared/domain/csv-writer';
import type { Contact } from '../../../shared/schemas/contact';
import type { Customer } from '../../../shared/schemas/customer';
import { t, type MessageKey } from '../../i18n';
import type { ExportData } from '../../local-db/queries/export-lists';

/**
 * CSV files of the replica's customers and contacts. Headers are the import's own field labels
 * in the UI language and enum values their labels, so an exported file imports back unchanged
 * (test/extension/pages/export-csv.test.ts). Sensitive fields are left out: an export leaves the
 * controls of the CRM (seeds-digest: restricted information is excluded from exports).
 */
type Column<T> = { target: string; value: (row: T) => CsvCell };

const label = (target: string) => t(`import.target.${target}` as MessageKey);
const list = (items: readonly string[]) => items.join('; ');
const enumLabel = (set: string, value: string | null) => (value === null ? '' : t(`enum.${set}.${value}` as MessageKey));
const yesNo = (value: boolean) => t(value ? 'export.yes' : 'export.no');

const PROFILE_KEYS = [
  'registeredOn',
  'country',
  'region',
  'address',
  'phone',
  'fax',
  'website',
  'industry',
  'mainProducts',
  'productionScale',
  'mainDownstreamCustomers',
] as const;

const customerColumns = (ownerEmail: (id: string | null) => string): Column<Customer>[] => [
  { target: 'customer.code', value: (c) => c.code },
  { target: 'customer.name', value: (c) => c.name },
  { target: 'customer.shortNames', value: (c) => list(c.shortNames) },
  { target: 'customer.taxNumber', value: (c) => c.taxNumber },
  { target: 'customer.customerClass', value: (c) => c.customerClass },
  { target: 'customer.valueTier', value: (c) => enumLabel('valueTier', c.valueTier) },
  { target: 'customer.pyramidStage', value: (c) => enumLabel('pyramidStage', c.pyramidStage) },
  { target: 'customer.keyAccount', value: (c) => yesNo(c.keyAccount) },
  { target: 'customer.keyAccountScore', value: (c) => c.keyAccountScore },
  { target: 'customer.relationshipStage', value: (c) => enumLabel('relationshipStage', c.relationshipStage) },
  { target: 'customer.leadSource', value: (c) => enumLabel('leadSource', c.leadSource) },
  { target: 'customer.owner', value: (c) => ownerEmail(c.ownerUserId) },
  { target: 'customer.emailDomains', value: (c) => list(c.emailDomains) },
  { target: 'customer.tags', value: (c) => list(c.tags) },
  ...PROFILE_KEYS.map((key): Column<Customer> => ({ target: `customer.profile.${key}`, value: (c) => c.profile[key] })),
  ...(['currency', 'cumulativeAmount', 'cumulativeQuantity', 'thisYearAmount', 'historicalAverage', 'annualAverage'] as const).map(
    (key): Column<Customer> => ({ target: `customer.valueCard.${key}`, value: (c) => c.valueCard[key] }),
  ),
  ...(['capacity', 'quality', 'deliveryTime'] as const).map(
    (key): Column<Customer> => ({ target: `customer.needs.${key}`, value: (c) => c.needs[key] }),
  ),
];

export function customersCsv(data: ExportData): { text: string; rows: number } {
  const emails = new Map(data.members.map((m) => [m.id, m.email]));
  const columns = customerColumns((id) => (id ? (emails.get(id) ?? '') : ''));
  const custom = data.definitions.map((d) => ({
    header: d.label,
    value: (c: Customer) => {
      const value = c.customFields[d.key];
      return typeof value === 'boolean' ? yesNo(value) : value;
    },
  }));
  const header = [...columns.map((c) => label(c.target)), ...custom.map((c) => c.header)];
  const rows = data.customers.map((row) => [...columns.map((c) => c.value(row)), ...custom.map((c) => c.value(row))]);
  return { text: toCsv(header, rows), rows: rows.length };
}

export function contactsCsv(data: ExportData): { text: string; rows: number } {
  const customers = new Map(data.customers.map((c) => [c.id, c]));
  const columns: Column<Contact>[] = [
    { target: 'customer.code', value: (p) => customers.get(p.customerId)?.code },
    { target: 'customer.name', value: (p) => customers.get(p.customerId)?.name },
    { target: 'contact.name', value: (p) => p.name },
    { target: 'contact.title', value: (p) => p.title },
    { target: 'contact.emails', value: (p) => list(p.emails) },
    { target: 'contact.phones', value: (p) => list(p.phones) },
    { target: 'contact.buyingRole', value: (p) => enumLabel('buyingRole', p.buyingRole) },
    { target: 'contact.relationshipStrength', value: (p) => p.relationshipStrength },
    { target: 'contact.preferredChannel', value: (p) => enumLabel('preferredChannel', p.preferredChannel) },
    { target: 'contact.birthday', value: (p) => p.birthday },
    { target: 'contact.notes', value: (p) => p.notes },
  ];
  // A contact whose customer is not on this device (still syncing) would not import back.
  const rows = data.contacts.filter((p) => customers.has(p.customerId));
  return { text: toCsv(columns.map((c) => label(c.target)), rows.map((row) => columns.map((c) => c.value(row)))), rows: rows.length };
}

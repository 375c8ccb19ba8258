import type { CustomFieldDefinition } from '../../../shared/schemas/custom-field';
import {
  BASE_TARGETS,
  type BaseTarget,
  type ImportPass,
  type ImportTarget,
  type ImportTargetInfo,
} from '../../../shared/schemas/import';

/** How a cell's text becomes a field value (cell-values.ts). */
export type ValueKind =
  | 'text'
  | 'list'
  | 'emails'
  | 'phones'
  | 'domains'
  | 'companyEmail'
  | 'boolean'
  | 'number'
  | 'integer'
  | 'date'
  | 'birthday'
  | 'instant'
  | 'currency'
  | 'owner'
  | 'customerClass'
  | 'valueTier'
  | 'pyramidStage'
  | 'relationshipStage'
  | 'leadSource'
  | 'buyingRole'
  | 'preferredChannel'
  | 'historyKind'
  | 'serviceType'
  | 'serviceChannel';

type TargetDef = { label: string; kind: ValueKind; group: 'customer' | 'contact' | 'history' | 'followUp' | 'service' };

const c = (label: string, kind: ValueKind = 'text'): TargetDef => ({ label, kind, group: 'customer' });
const p = (label: string, kind: ValueKind = 'text'): TargetDef => ({ label, kind, group: 'contact' });
const h = (label: string, kind: ValueKind): TargetDef => ({ label, kind, group: 'history' });
const f = (label: string, kind: ValueKind): TargetDef => ({ label, kind, group: 'followUp' });
const s = (label: string, kind: ValueKind): TargetDef => ({ label, kind, group: 'service' });

/** English labels (CLI, API); the options page translates them (extension/i18n/import-export.ts). */
export const TARGETS: Record<BaseTarget, TargetDef> = {
  'customer.code': c('Customer code'),
  'customer.name': c('Customer name'),
  'customer.shortNames': c('Short names', 'list'),
  'customer.taxNumber': c('Tax number'),
  'customer.customerClass': c('Class (A/B/C)', 'customerClass'),
  'customer.valueTier': c('Value tier', 'valueTier'),
  'customer.pyramidStage': c('Pyramid stage', 'pyramidStage'),
  'customer.keyAccount': c('Key account', 'boolean'),
  'customer.keyAccountScore': c('Key account score', 'number'),
  'customer.relationshipStage': c('Relationship stage', 'relationshipStage'),
  'customer.leadSource': c('Lead source', 'leadSource'),
  'customer.owner': c('Owner (email or name)', 'owner'),
  'customer.emailDomains': c('Email domains', 'domains'),
  'customer.email': c('Company email (domain)', 'companyEmail'),
  'customer.tags': c('Tags', 'list'),
  'customer.profile.registeredOn': c('Registration date', 'date'),
  'customer.profile.country': c('Country'),
  'customer.profile.region': c('Region'),
  'customer.profile.address': c('Address'),
  'customer.profile.phone': c('Company phone'),
  'customer.profile.fax': c('Fax'),
  'customer.profile.website': c('Website'),
  'customer.profile.industry': c('Industry'),
  'customer.profile.mainProducts': c('Main products'),
  'customer.profile.productionScale': c('Production scale'),
  'customer.profile.mainDownstreamCustomers': c('Main downstream customers'),
  'customer.valueCard.currency': c('Currency', 'currency'),
  'customer.valueCard.cumulativeAmount': c('Cumulative amount', 'number'),
  'customer.valueCard.cumulativeQuantity': c('Cumulative quantity', 'number'),
  'customer.valueCard.thisYearAmount': c("This year's amount", 'number'),
  'customer.valueCard.historicalAverage': c('Historical average', 'number'),
  'customer.valueCard.annualAverage': c('Annual average', 'number'),
  'customer.needs.capacity': c('Capacity needs'),
  'customer.needs.quality': c('Quality needs'),
  'customer.needs.deliveryTime': c('Delivery-time needs'),
  'customer.sensitive.bank': c('Bank'),
  'customer.sensitive.bankAccount': c('Bank account'),
  'contact.name': p('Contact name'),
  'contact.title': p('Contact title'),
  'contact.emails': p('Contact emails', 'emails'),
  'contact.phones': p('Contact phones', 'phones'),
  'contact.buyingRole': p('Buying role', 'buyingRole'),
  'contact.relationshipStrength': p('Relationship strength (1-5)', 'integer'),
  'contact.preferredChannel': p('Preferred channel', 'preferredChannel'),
  'contact.birthday': p('Birthday', 'birthday'),
  'contact.notes': p('Contact notes'),
  'history.occurredAt': h('Date and time', 'instant'),
  'history.kind': h('Kind (call, visit, meeting, note, email)', 'historyKind'),
  'history.summary': h('Summary', 'text'),
  'followUp.dueAt': f('Open follow-up: due', 'instant'),
  'followUp.reason': f('Open follow-up: what to do', 'text'),
  'followUp.owner': f('Open follow-up: owner (email or name)', 'owner'),
  'service.receivedAt': s('Request or complaint: received', 'instant'),
  'service.summary': s('Request or complaint: what the customer asks', 'text'),
  'service.type': s('Request or complaint: type (complaint, request)', 'serviceType'),
  'service.channel': s('Request or complaint: channel (email, phone, portal, visit, chat)', 'serviceChannel'),
  'service.urgent': s('Request or complaint: urgent', 'boolean'),
  'service.owner': s('Request or complaint: owner (email or name)', 'owner'),
  'service.promisedReplyAt': s('Complaint: reply promised by', 'instant'),
  'service.firstReplyAt': s('Request or complaint: first replied at', 'instant'),
};

/** Several columns may fill these (e.g. 电话 and 手机 both into phones); others take one column. */
export const MULTI_COLUMN_KINDS: ReadonlySet<ValueKind> = new Set(['list', 'emails', 'phones', 'domains', 'companyEmail']);

/** The customer key columns that pass 2 uses to find the customer a history row belongs to. */
const CUSTOMER_KEYS: BaseTarget[] = ['customer.code', 'customer.taxNumber', 'customer.name'];

const OPEN_ITEMS = (t: BaseTarget) => t.startsWith('history.') || t.startsWith('followUp.') || t.startsWith('service.');

/**
 * Which targets a pass offers: master data, or (pass 2) history rows, open follow-ups and open
 * service items with their customer key.
 */
export function targetsOfPass(pass: ImportPass): BaseTarget[] {
  if (pass === 'master') return BASE_TARGETS.filter((t) => !OPEN_ITEMS(t));
  return [...CUSTOMER_KEYS, 'contact.emails', ...BASE_TARGETS.filter(OPEN_ITEMS)];
}

export type CustomFieldTarget = { target: ImportTarget; definition: CustomFieldDefinition };

export function targetInfos(pass: ImportPass, definitions: readonly CustomFieldDefinition[]): ImportTargetInfo[] {
  const base = targetsOfPass(pass).map((id) => ({ id, label: TARGETS[id].label, group: TARGETS[id].group }));
  if (pass !== 'master') return base;
  const custom = definitions.map((d) => ({ id: `custom.${d.key}` as const, label: d.label, group: 'custom' as const }));
  return [...base, ...custom];
}

export function isBaseTarget(target: string): target is BaseTarget {
  return target in TARGETS;
}

import {
  customerClassSchema,
  leadSourceSchema,
  pyramidStageSchema,
  relationshipStageSchema,
  valueTierSchema,
  winBackStatusSchema,
} from '../../../shared/schemas/customer';
import type { AccessViewer } from '../../../shared/domain/access';
import type { Department } from '../../../shared/schemas/department';
import type { Member } from '../../../shared/schemas/member';
import type { MessageKey } from '../../i18n';
import type { FieldKind, FieldSpec } from './field-spec';

/** The sections of the customer file, each one edit form (DOMAIN.md "Customer file"). */
const field = (path: string, kind: FieldKind = 'text', extra: Partial<FieldSpec> = {}): FieldSpec => ({
  path,
  kind,
  label: `field.${path}` as MessageKey,
  ...(kind === 'list' ? { hint: 'file.listHint' as const } : {}),
  ...extra,
});
const select = (path: string, options: readonly string[]): FieldSpec => field(path, 'select', { options, enumName: path });

/** Shown at the top of the file: what the customer needs and said last. */
export const NEEDS_FIELDS: readonly FieldSpec[] = [
  field('needs.lastNeed', 'multiline'),
  field('needs.lastFeedback', 'multiline'),
  field('needs.capacity', 'multiline'),
  field('needs.quality', 'multiline'),
  field('needs.deliveryTime', 'multiline'),
];

export const VALUE_FIELDS: readonly FieldSpec[] = [
  field('valueCard.currency', 'currency'),
  field('valueCard.cumulativeAmount', 'number'),
  field('valueCard.cumulativeQuantity', 'number'),
  field('valueCard.thisYearAmount', 'number'),
  field('valueCard.historicalAverage', 'number'),
  field('valueCard.annualAverage', 'number'),
];

export const PROFILE_FIELDS: readonly FieldSpec[] = [
  field('name'),
  field('code'),
  field('shortNames', 'list'),
  field('emailDomains', 'list'),
  field('taxNumber'),
  field('tags', 'list'),
  field('profile.registeredOn', 'date'),
  field('profile.country'),
  field('profile.region'),
  field('profile.address', 'multiline'),
  field('profile.phone'),
  field('profile.fax'),
  field('profile.website', 'website'),
  field('profile.industry'),
  field('profile.mainProducts', 'multiline'),
  field('profile.productionScale'),
  field('profile.mainDownstreamCustomers', 'multiline'),
];

export const CLASSIFICATION_FIELDS: readonly FieldSpec[] = [
  select('customerClass', customerClassSchema.options),
  select('valueTier', valueTierSchema.options),
  select('pyramidStage', pyramidStageSchema.options),
  field('keyAccount', 'boolean'),
  field('keyAccountScore', 'number'),
  select('relationshipStage', relationshipStageSchema.options),
  select('leadSource', leadSourceSchema.options),
  select('winBackStatus', winBackStatusSchema.options),
];

export const SENSITIVE_FIELDS: readonly FieldSpec[] = [
  field('sensitive.bank'),
  field('sensitive.bankAccount'),
  field('sensitive.projects', 'multiline'),
  field('sensitive.budget'),
  field('sensitive.executiveIntel', 'multiline'),
];

/**
 * Who is responsible for the customer, and its department: offered only to those who may
 * reassign (shared/domain/access.ts), and only the choices the server accepts: active members
 * (a manager: of their own department) and live departments (a manager: their own). Everyone's
 * name stays readable, a deactivated owner's too.
 */
export function assignmentFields(members: readonly Member[], departments: readonly Department[], viewer: AccessViewer): FieldSpec[] {
  const mine = (departmentId: string | null) => viewer.role === 'admin' || departmentId === viewer.departmentId;
  const owners = members.filter((m) => m.active && (mine(m.departmentId) || m.id === viewer.id));
  return [
    field('ownerUserId', 'select', {
      options: owners.map((m) => m.id),
      optionLabels: Object.fromEntries(members.map((m) => [m.id, m.displayName || m.email])),
    }),
    field('departmentId', 'select', {
      options: departments.filter((d) => mine(d.id)).map((d) => d.id),
      optionLabels: Object.fromEntries(departments.map((d) => [d.id, d.name])),
    }),
  ];
}

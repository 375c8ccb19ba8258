import { z } from 'zod';
import { customFieldValuesSchema } from './custom-field';
import { domainSchema, idSchema, instantSchema, phoneSchema, textSchema, websiteSchema } from './common';

/**
 * The customer file (DOMAIN.md "Customer file", "Classification and value"). Scalars used for
 * matching, search and reports are top-level fields; the rest is grouped (profile, valueCard,
 * needs, sensitive) so a patch can change one field of a group without touching the others.
 */

export const customerClassSchema = z.enum(['A', 'B', 'C']);
export type CustomerClass = z.infer<typeof customerClassSchema>;
export const valueTierSchema = z.enum(['strategic', 'important', 'general', 'potential']);
export type ValueTier = z.infer<typeof valueTierSchema>;
export const pyramidStageSchema = z.enum(['lead', 'potential', 'transacting', 'important', 'strategic']);
export type PyramidStage = z.infer<typeof pyramidStageSchema>;
export const relationshipStageSchema = z.enum([
  'breakthrough',
  'consolidation',
  'growth',
  'harvest',
  'defence',
  'hibernation',
  'suspension',
]);
export type RelationshipStage = z.infer<typeof relationshipStageSchema>;
export const leadSourceSchema = z.enum(['web_research', 'advertising', 'referral', 'event', 'other']);
export type LeadSource = z.infer<typeof leadSourceSchema>;
/** For lost customers (DOMAIN.md "Dormant / churn risk ... with a win-back status"). */
export const winBackStatusSchema = z.enum(['lost', 'winning_back', 'won_back']);
export type WinBackStatus = z.infer<typeof winBackStatusSchema>;

export const customerNameSchema = textSchema(200).min(1, 'name is required');
const optionalText = (max: number) => textSchema(max).nullable();
const amountSchema = z.number().finite().min(0, 'must not be negative').max(1e15).nullable();

export const customerProfileSchema = z.object({
  registeredOn: z.iso.date().nullable(),
  country: optionalText(100),
  region: optionalText(100),
  address: optionalText(500),
  phone: phoneSchema.nullable(),
  fax: phoneSchema.nullable(),
  website: websiteSchema.nullable(),
  industry: optionalText(100),
  mainProducts: optionalText(1000),
  productionScale: optionalText(500),
  mainDownstreamCustomers: optionalText(1000),
});
export type CustomerProfile = z.infer<typeof customerProfileSchema>;

/** Transaction summary, imported from ERP or portals or typed in; shown as the value card. */
export const valueCardSchema = z.object({
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be a 3-letter currency code such as CNY'),
  cumulativeAmount: amountSchema,
  cumulativeQuantity: amountSchema,
  thisYearAmount: amountSchema,
  historicalAverage: amountSchema,
  annualAverage: amountSchema,
});
export type ValueCard = z.infer<typeof valueCardSchema>;

/** Shown at the top of the sidebar: what the customer needs and what they said last. */
export const customerNeedsSchema = z.object({
  capacity: optionalText(2000),
  quality: optionalText(2000),
  deliveryTime: optionalText(2000),
  lastNeed: optionalText(2000),
  lastNeedAt: instantSchema.nullable(),
  lastFeedback: optionalText(2000),
  lastFeedbackAt: instantSchema.nullable(),
});
export type CustomerNeeds = z.infer<typeof customerNeedsSchema>;

/**
 * Visible only to the owner, the owner's managers and admins (DOMAIN.md; shared/domain/access.ts):
 * other viewers receive the empty group, and their writes to it are refused.
 */
export const customerSensitiveSchema = z.object({
  bank: optionalText(200),
  bankAccount: optionalText(100),
  projects: optionalText(4000),
  budget: optionalText(1000),
  executiveIntel: optionalText(4000),
});
export type CustomerSensitive = z.infer<typeof customerSensitiveSchema>;

const tagSchema = textSchema(50).min(1, 'a tag cannot be empty');

/** Every field a person can set, with its empty value. */
export const customerFieldsSchema = z.object({
  name: customerNameSchema,
  code: textSchema(50).min(1).nullable(),
  /** Aliases and short names (简称), searched and matched like the name. */
  shortNames: z.array(textSchema(100).min(1)).max(20),
  customerClass: customerClassSchema.nullable(),
  valueTier: valueTierSchema.nullable(),
  pyramidStage: pyramidStageSchema.nullable(),
  keyAccount: z.boolean(),
  /** Average of the key-account criteria, each scored 1-9. */
  keyAccountScore: z.number().min(1).max(9).nullable(),
  relationshipStage: relationshipStageSchema.nullable(),
  leadSource: leadSourceSchema.nullable(),
  winBackStatus: winBackStatusSchema.nullable(),
  ownerUserId: idSchema.nullable(),
  /** The owning department (ROL-01): its managers see the customer. Follows the owner unless set. */
  departmentId: idSchema.nullable(),
  /** Colleagues the customer is shared with: they see it without its sensitive fields. */
  sharedWith: z.array(idSchema).max(100),
  /** Mail domains that identify this customer's staff; the key for matching mail by domain. */
  emailDomains: z.array(domainSchema).max(50),
  /** Tax registration number (税号): a match key for portals and imports. */
  taxNumber: textSchema(50).min(1).nullable(),
  tags: z.array(tagSchema).max(50),
  profile: customerProfileSchema,
  valueCard: valueCardSchema,
  needs: customerNeedsSchema,
  sensitive: customerSensitiveSchema,
  customFields: customFieldValuesSchema,
});
export type CustomerFields = z.infer<typeof customerFieldsSchema>;

export const customerSchema = customerFieldsSchema.extend({
  id: idSchema,
  createdAt: instantSchema,
  updatedAt: instantSchema,
  /** Server version, bumped on every applied change; the client sends it back as baseVersion. */
  version: z.number().int().nonnegative(),
});
export type Customer = z.infer<typeof customerSchema>;

const nullsOf = <T extends z.ZodObject>(schema: T) =>
  Object.fromEntries(Object.keys(schema.shape).map((k) => [k, null])) as { [K in keyof T['shape']]: null };

/** The empty customer file; a create fills in what it knows. */
export const EMPTY_CUSTOMER_FIELDS: Omit<CustomerFields, 'name'> = {
  code: null,
  shortNames: [],
  customerClass: null,
  valueTier: null,
  pyramidStage: null,
  keyAccount: false,
  keyAccountScore: null,
  relationshipStage: null,
  leadSource: null,
  winBackStatus: null,
  ownerUserId: null,
  departmentId: null,
  sharedWith: [],
  emailDomains: [],
  taxNumber: null,
  tags: [],
  profile: nullsOf(customerProfileSchema),
  valueCard: { ...nullsOf(valueCardSchema), currency: 'CNY' },
  needs: nullsOf(customerNeedsSchema),
  sensitive: nullsOf(customerSensitiveSchema),
  customFields: {},
};

/** Groups in a create or patch: only the sub-fields named are set. */
const partialGroups = {
  profile: customerProfileSchema.partial(),
  valueCard: valueCardSchema.partial(),
  needs: customerNeedsSchema.partial(),
  sensitive: customerSensitiveSchema.partial(),
};

/** A create names the customer; every other field (and sub-field) may be left out and gets its empty value. */
export const customerCreateSchema = customerFieldsSchema
  .extend(partialGroups)
  .partial()
  .extend({ id: idSchema, name: customerNameSchema })
  .transform((c) => ({ ...EMPTY_CUSTOMER_FIELDS, ...c, ...mergeGroups(EMPTY_CUSTOMER_FIELDS, c) }));
export type CustomerCreate = z.output<typeof customerCreateSchema>;
export type CustomerCreateInput = z.input<typeof customerCreateSchema>;

/** The grouped fields: a patch of one of these changes only the sub-fields it names. */
export const CUSTOMER_GROUPS = ['profile', 'valueCard', 'needs', 'sensitive', 'customFields'] as const;
export type CustomerGroup = (typeof CUSTOMER_GROUPS)[number];

/**
 * Field-level patch: only the fields present are written (last writer wins per field, and per
 * sub-field inside the groups, so two people editing the address and the phone both keep theirs).
 */
export const customerPatchSchema = customerFieldsSchema
  .extend(partialGroups)
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'patch must change at least one field');
export type CustomerPatch = z.infer<typeof customerPatchSchema>;

type Groups = Pick<CustomerFields, CustomerGroup>;
type GroupPatch = Partial<{ [G in CustomerGroup]: Partial<Groups[G]> }>;

/** The groups of `base` with the sub-fields of `patch` laid over them (a custom field set to null is removed). */
export function mergeGroups(base: Groups, patch: GroupPatch): Groups {
  const customFields: CustomerFields['customFields'] = {};
  for (const [key, value] of Object.entries({ ...base.customFields, ...patch.customFields })) {
    if (value !== null && value !== undefined) customFields[key] = value;
  }
  return {
    profile: { ...base.profile, ...patch.profile },
    valueCard: { ...base.valueCard, ...patch.valueCard },
    needs: { ...base.needs, ...patch.needs },
    sensitive: { ...base.sensitive, ...patch.sensitive },
    customFields,
  };
}

/** The customer after a patch, exactly as the server will store it (the replica applies it optimistically). */
export function applyCustomerPatch<T extends CustomerFields>(customer: T, patch: CustomerPatch): T {
  return { ...customer, ...patch, ...mergeGroups(customer, patch) };
}

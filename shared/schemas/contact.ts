import { z } from 'zod';
import { emailAddressSchema, idSchema, instantSchema, phoneSchema, textSchema } from './common';

export const buyingRoleSchema = z.enum(['decision_maker', 'influencer', 'supporter', 'user']);
export type BuyingRole = z.infer<typeof buyingRoleSchema>;
export const preferredChannelSchema = z.enum(['email', 'phone', 'wechat', 'visit', 'other']);
export type PreferredChannel = z.infer<typeof preferredChannelSchema>;

/** `MM-DD` when the year is unknown (common for birthdays), or a full `YYYY-MM-DD`. */
export const birthdaySchema = z
  .string()
  .regex(/^(\d{4}-)?(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date such as 1980-05-17 or 05-17');

/** Every field of a contact a person can set (DOMAIN.md "Contacts"). */
export const contactFieldsSchema = z.object({
  name: textSchema(200).min(1, 'name is required'),
  title: textSchema(200).nullable(),
  /** Stored normalised (shared/domain/email normaliseEmail); a person may have several. */
  emails: z.array(emailAddressSchema).max(20),
  phones: z.array(phoneSchema).max(20),
  buyingRole: buyingRoleSchema.nullable(),
  /** 1 (weak) … 5 (strong). */
  relationshipStrength: z.number().int().min(1).max(5).nullable(),
  preferredChannel: preferredChannelSchema.nullable(),
  birthday: birthdaySchema.nullable(),
  notes: textSchema(4000).nullable(),
});
export type ContactFields = z.infer<typeof contactFieldsSchema>;

export const contactSchema = contactFieldsSchema.extend({
  id: idSchema,
  customerId: idSchema,
  // Rows on the wire are already validated and normalised by the server.
  emails: z.array(z.string()).max(20),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  version: z.number().int().nonnegative(),
});
export type Contact = z.infer<typeof contactSchema>;

export const EMPTY_CONTACT_FIELDS: Omit<ContactFields, 'name'> = {
  title: null,
  emails: [],
  phones: [],
  buyingRole: null,
  relationshipStrength: null,
  preferredChannel: null,
  birthday: null,
  notes: null,
};

/** A create names the contact and its customer; the rest may be left out. */
export const contactCreateSchema = contactFieldsSchema
  .partial()
  .extend({ id: idSchema, customerId: idSchema, name: contactFieldsSchema.shape.name })
  .transform((c) => ({ ...EMPTY_CONTACT_FIELDS, ...c }));
export type ContactCreate = z.output<typeof contactCreateSchema>;
export type ContactCreateInput = z.input<typeof contactCreateSchema>;

/** Field-level patch (last writer wins per field). Moving a contact to another customer is allowed. */
export const contactPatchSchema = contactFieldsSchema
  .extend({ customerId: idSchema })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'patch must change at least one field');
export type ContactPatch = z.infer<typeof contactPatchSchema>;

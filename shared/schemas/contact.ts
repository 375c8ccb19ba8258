import { z } from 'zod';
import { emailAddressSchema, idSchema, instantSchema, textSchema } from './common';

export const contactSchema = z.object({
  id: idSchema,
  customerId: idSchema,
  name: textSchema(200),
  /** Normalised addresses (shared/domain/email normaliseEmail); a person may have several. */
  emails: z.array(z.string()).max(20),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  version: z.number().int().nonnegative(),
});
export type Contact = z.infer<typeof contactSchema>;

export const contactCreateSchema = z.object({
  id: idSchema,
  customerId: idSchema,
  name: textSchema(200),
  emails: z.array(emailAddressSchema).min(1, 'a contact needs at least one email').max(20),
});
export type ContactCreate = z.infer<typeof contactCreateSchema>;

import { z } from 'zod';
import { domainSchema, idSchema, instantSchema, textSchema } from './common';

export const customerClassSchema = z.enum(['A', 'B', 'C']);
export type CustomerClass = z.infer<typeof customerClassSchema>;

export const customerNameSchema = textSchema(200).min(1, 'name is required');

export const customerSchema = z.object({
  id: idSchema,
  name: customerNameSchema,
  customerClass: customerClassSchema.nullable(),
  ownerUserId: idSchema.nullable(),
  /** Mail domains that identify this customer's staff; the key for matching mail by domain. */
  emailDomains: z.array(domainSchema).max(50),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  /** Server version, bumped on every applied change; the client sends it back as baseVersion. */
  version: z.number().int().nonnegative(),
});
export type Customer = z.infer<typeof customerSchema>;

export const customerCreateSchema = z.object({
  id: idSchema,
  name: customerNameSchema,
  customerClass: customerClassSchema.nullable().default(null),
  ownerUserId: idSchema.nullable().default(null),
  emailDomains: z.array(domainSchema).max(50).default([]),
});
export type CustomerCreate = z.infer<typeof customerCreateSchema>;

/** Field-level patch: only the fields present are written (last writer wins per field). */
export const customerPatchSchema = z
  .object({
    name: customerNameSchema,
    customerClass: customerClassSchema.nullable(),
    ownerUserId: idSchema.nullable(),
    emailDomains: z.array(domainSchema).max(50),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'patch must change at least one field');
export type CustomerPatch = z.infer<typeof customerPatchSchema>;

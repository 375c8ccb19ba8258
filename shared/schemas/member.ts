import { z } from 'zod';
import { idSchema } from './common';

export const roleSchema = z.enum(['sales_rep', 'account_manager', 'support_lead', 'manager', 'admin']);
export type Role = z.infer<typeof roleSchema>;

/** A colleague in the caller's organisation, as replicated to the extension (for owner names). */
export const memberSchema = z.object({
  id: idSchema,
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
});
export type Member = z.infer<typeof memberSchema>;

import { z } from 'zod';
import { idSchema } from './common';

export const roleSchema = z.enum(['sales_rep', 'account_manager', 'support_lead', 'manager', 'admin']);
export type Role = z.infer<typeof roleSchema>;

/**
 * A colleague in the caller's organisation, as replicated to the extension (owner names, the
 * owner and sharing pickers, and the viewer's own role and department for what the UI offers).
 */
export const memberSchema = z.object({
  id: idSchema,
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  /** Managers see the customers of their department (DOMAIN.md "People and permissions"). */
  departmentId: idSchema.nullable(),
  /** Deactivated members keep their name on old records but can no longer be picked. */
  active: z.boolean(),
});
export type Member = z.infer<typeof memberSchema>;

import { z } from 'zod';
import {
  departmentCreateInputSchema,
  departmentDeleteInputSchema,
  departmentRenameInputSchema,
  inviteInputSchema,
  userActiveInputSchema,
  userCodeInputSchema,
  userUpdateInputSchema,
} from '../../shared/schemas/admin';
import { auditListInputSchema } from '../../shared/schemas/audit';

/**
 * The options page's administration (people, departments, audit trail), relayed by the
 * background, which holds the token. One message type, one case per server procedure; the
 * server checks the caller is an admin, whatever the page shows.
 */
export const adminCallSchema = z.discriminatedUnion('call', [
  z.object({ call: z.literal('users.list') }),
  z.object({ call: z.literal('users.invite'), input: inviteInputSchema }),
  z.object({ call: z.literal('users.issueCode'), input: userCodeInputSchema }),
  z.object({ call: z.literal('users.update'), input: userUpdateInputSchema }),
  z.object({ call: z.literal('users.setActive'), input: userActiveInputSchema }),
  z.object({ call: z.literal('departments.create'), input: departmentCreateInputSchema }),
  z.object({ call: z.literal('departments.rename'), input: departmentRenameInputSchema }),
  z.object({ call: z.literal('departments.delete'), input: departmentDeleteInputSchema }),
  z.object({ call: z.literal('audit.list'), input: auditListInputSchema }),
]);
export type AdminCall = z.infer<typeof adminCallSchema>;

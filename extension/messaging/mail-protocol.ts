import { z } from 'zod';
import { idSchema } from '../../shared/schemas/common';
import { accountUpdateInputSchema, mailProviderSchema, neverLogAddInputSchema } from '../../shared/schemas/mail-account';

/**
 * Extension pages (options, sidebar) → background → server: connected accounts and the
 * never-log list (issue 5). `connect` answers with nothing to show: the background opens the
 * server's one-time connect page in a new tab.
 */
export const mailCallSchema = z.discriminatedUnion('call', [
  z.object({ call: z.literal('providers') }),
  z.object({ call: z.literal('connect'), provider: mailProviderSchema }),
  z.object({ call: z.literal('disconnect'), accountId: idSchema }),
  z.object({ call: z.literal('update'), input: accountUpdateInputSchema }),
  z.object({ call: z.literal('calendars'), accountId: idSchema }),
  z.object({ call: z.literal('sync-now'), accountId: idSchema }),
  z.object({ call: z.literal('never-log-list') }),
  z.object({ call: z.literal('never-log-add'), input: neverLogAddInputSchema }),
  z.object({ call: z.literal('never-log-remove'), id: idSchema }),
]);
export type MailCall = z.infer<typeof mailCallSchema>;

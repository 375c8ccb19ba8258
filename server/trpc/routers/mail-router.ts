import { z } from 'zod';
import {
  accountIdInputSchema,
  accountUpdateInputSchema,
  calendarChoiceSchema,
  connectInputSchema,
  mailProviderSchema,
  neverLogAddInputSchema,
  neverLogEntrySchema,
} from '../../../shared/schemas/mail-account';
import { idSchema } from '../../../shared/schemas/common';
import { authedProcedure, router } from '../init';

/** Connected mail/calendar accounts and the never-log list (issue 5). Health arrives by sync. */
export const mailRouter = router({
  providers: authedProcedure
    .output(z.array(z.object({ id: mailProviderSchema, configured: z.boolean() })))
    .query(({ ctx }) => ctx.services.ingestion.providers()),
  /** A one-time, 10-minute start URL bound to the caller; the browser opens it to connect. */
  connectUrl: authedProcedure
    .input(connectInputSchema)
    .output(z.object({ url: z.string() }))
    .mutation(({ ctx, input }) => ctx.services.ingestion.oauth.startUrl(ctx.user, input.provider)),
  disconnect: authedProcedure
    .input(accountIdInputSchema)
    .mutation(({ ctx, input }) => ctx.services.ingestion.accounts.disconnect(ctx.user, input.accountId)),
  update: authedProcedure
    .input(accountUpdateInputSchema)
    .mutation(({ ctx, input }) => ctx.services.ingestion.accounts.update(ctx.user, input)),
  calendars: authedProcedure
    .input(accountIdInputSchema)
    .output(z.array(calendarChoiceSchema))
    .mutation(({ ctx, input }) => ctx.services.ingestion.accounts.calendars(ctx.user, input.accountId)),
  syncNow: authedProcedure
    .input(accountIdInputSchema)
    .mutation(({ ctx, input }) => ctx.services.ingestion.accounts.syncNow(ctx.user, input.accountId)),
  neverLogList: authedProcedure
    .output(z.array(neverLogEntrySchema))
    .query(({ ctx }) => ctx.services.ingestion.neverLog.list(ctx.user)),
  neverLogAdd: authedProcedure
    .input(neverLogAddInputSchema)
    .output(z.object({ entry: neverLogEntrySchema, removedItems: z.number() }))
    .mutation(({ ctx, input }) => ctx.services.ingestion.neverLog.add(ctx.user, input)),
  neverLogRemove: authedProcedure
    .input(z.object({ id: idSchema }))
    .mutation(({ ctx, input }) => ctx.services.ingestion.neverLog.remove(ctx.user, input.id)),
});

import { z } from 'zod';
import {
  inviteInputSchema,
  inviteOutputSchema,
  userActiveInputSchema,
  userCodeInputSchema,
  userSummarySchema,
  userUpdateInputSchema,
} from '../../../shared/schemas/admin';
import { authedProcedure, router } from '../init';

const ok = z.object({ ok: z.literal(true) });

/** Admin only (the service checks): people of the admin's organisation. */
export const usersRouter = router({
  list: authedProcedure.output(z.array(userSummarySchema)).query(({ ctx }) => ctx.services.people.listUsers(ctx.user)),

  /** Adds a user and returns their one-time code (7 days); the options page makes it an invite link. */
  invite: authedProcedure
    .input(inviteInputSchema)
    .output(inviteOutputSchema)
    .mutation(({ ctx, input }) => ctx.services.people.invite(ctx.user, input)),

  issueCode: authedProcedure
    .input(userCodeInputSchema)
    .output(inviteOutputSchema)
    .mutation(({ ctx, input }) => ctx.services.people.issueCode(ctx.user, input.id)),

  /** Role, department or name; a new role or department re-scopes the user's replicas. */
  update: authedProcedure
    .input(userUpdateInputSchema)
    .output(ok)
    .mutation(async ({ ctx, input }) => (await ctx.services.people.update(ctx.user, input), { ok: true as const })),

  /** Deactivating ends the user's sessions at once. */
  setActive: authedProcedure
    .input(userActiveInputSchema)
    .output(ok)
    .mutation(async ({ ctx, input }) => (await ctx.services.people.setActive(ctx.user, input.id, input.active), { ok: true as const })),
});

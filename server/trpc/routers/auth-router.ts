import { z } from 'zod';
import { signInInputSchema, signInOutputSchema } from '../../../shared/schemas/auth';
import { memberSchema } from '../../../shared/schemas/member';
import { authedProcedure, publicProcedure, router } from '../init';

export const authRouter = router({
  signIn: publicProcedure
    .input(signInInputSchema)
    .output(signInOutputSchema)
    .mutation(({ ctx, input }) => ctx.services.auth.signIn(input, { clientAddress: ctx.clientAddress })),

  signOut: authedProcedure.output(z.object({ ok: z.literal(true) })).mutation(async ({ ctx }) => {
    await ctx.services.auth.signOut(ctx.user, ctx.token);
    return { ok: true as const };
  }),

  me: authedProcedure
    .output(z.object({ user: memberSchema, organisation: z.object({ id: z.string(), name: z.string() }) }))
    .query(async ({ ctx }) => ({
      user: memberSchema.parse(ctx.user),
      organisation: await ctx.services.auth.organisationOf(ctx.user),
    })),
});

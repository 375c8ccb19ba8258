import { pullInputSchema, pullOutputSchema, pushInputSchema, pushOutputSchema } from '../../../shared/schemas/sync';
import { authedProcedure, router } from '../init';

export const syncRouter = router({
  push: authedProcedure
    .input(pushInputSchema)
    .output(pushOutputSchema)
    .mutation(({ ctx, input }) => ctx.services.sync.push(ctx.user, input.mutations)),

  // Reads only, but a mutation over HTTP: POST keeps the ever-changing cursor out of URLs, logs
  // and caches (the extension's client calls sync.pull.mutate).
  pull: authedProcedure
    .input(pullInputSchema)
    .output(pullOutputSchema)
    .mutation(({ ctx, input }) => ctx.services.sync.pull(ctx.user, input)),
});

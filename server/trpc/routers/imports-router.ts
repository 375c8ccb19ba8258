import {
  importApplyInputSchema,
  importApplyOutputSchema,
  importInspectInputSchema,
  importInspectOutputSchema,
  importPlanInputSchema,
  importReportSchema,
} from '../../../shared/schemas/import';
import { authedProcedure, router } from '../init';

/**
 * CSV/Excel import: inspect (headers + suggested mapping), plan (the dry run, stored),
 * applyPlan (the stored plan, all or nothing). Mutations, so the file travels in a POST body; see
 * server/http for the larger body limit of inspect and plan.
 */
export const importsRouter = router({
  inspect: authedProcedure
    .input(importInspectInputSchema)
    .output(importInspectOutputSchema)
    .mutation(({ ctx, input }) => ctx.services.imports.inspect(ctx.user, input)),

  plan: authedProcedure
    .input(importPlanInputSchema)
    .output(importReportSchema)
    .mutation(({ ctx, input }) => ctx.services.imports.plan(ctx.user, input)),

  // `apply` is a reserved word in tRPC routers (it would shadow Function.prototype.apply).
  applyPlan: authedProcedure
    .input(importApplyInputSchema)
    .output(importApplyOutputSchema)
    .mutation(({ ctx, input }) => ctx.services.imports.apply(ctx.user, input.planId)),
});

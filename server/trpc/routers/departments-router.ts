import { z } from 'zod';
import { departmentCreateInputSchema, departmentDeleteInputSchema, departmentRenameInputSchema } from '../../../shared/schemas/admin';
import { idSchema } from '../../../shared/schemas/common';
import { authedProcedure, router } from '../init';

const ok = z.object({ ok: z.literal(true) });

/** Admin only (the service checks). Everyone reads departments from their replica. */
export const departmentsRouter = router({
  create: authedProcedure
    .input(departmentCreateInputSchema)
    .output(z.object({ id: idSchema }))
    .mutation(({ ctx, input }) => ctx.services.people.createDepartment(ctx.user, input.name)),

  rename: authedProcedure
    .input(departmentRenameInputSchema)
    .output(ok)
    .mutation(async ({ ctx, input }) => (await ctx.services.people.renameDepartment(ctx.user, input.id, input.name), { ok: true as const })),

  delete: authedProcedure
    .input(departmentDeleteInputSchema)
    .output(ok)
    .mutation(async ({ ctx, input }) => (await ctx.services.people.deleteDepartment(ctx.user, input.id), { ok: true as const })),
});

import { z } from 'zod';
import { reassignInputSchema, reassignOutputSchema } from '../../../shared/schemas/admin';
import { idSchema } from '../../../shared/schemas/common';
import { customerSchema } from '../../../shared/schemas/customer';
import { authedProcedure, router } from '../init';

export const customersListInputSchema = z.object({
  limit: z.number().int().min(1).max(500).default(100),
  /** The nextCursor of the previous page. */
  cursor: idSchema.nullish(),
});

export const customersRouter = router({
  get: authedProcedure
    .input(z.object({ id: idSchema }))
    .output(customerSchema)
    .query(({ ctx, input }) => ctx.services.customers.get(ctx.user, input.id)),

  list: authedProcedure
    .input(customersListInputSchema)
    .output(z.object({ items: z.array(customerSchema), nextCursor: idSchema.nullable() }))
    .query(({ ctx, input }) => ctx.services.customers.list(ctx.user, input)),

  /** Managers and admins: every customer of one owner to another (ROL-12). */
  handOver: authedProcedure
    .input(reassignInputSchema)
    .output(reassignOutputSchema)
    .mutation(({ ctx, input }) => ctx.services.customers.handOver(ctx.user, input)),
});

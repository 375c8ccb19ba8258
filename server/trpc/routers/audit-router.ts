import { auditListInputSchema, auditListOutputSchema } from '../../../shared/schemas/audit';
import { authedProcedure, router } from '../init';

/**
 * Admin only (the service checks). Read-only by design: there is no procedure that changes or
 * removes an event, and the table refuses UPDATE and DELETE (migration 0007).
 */
export const auditRouter = router({
  list: authedProcedure
    .input(auditListInputSchema)
    .output(auditListOutputSchema)
    .query(({ ctx, input }) => ctx.services.audit.list(ctx.user, input)),
});

import { z } from 'zod';
import { emailAddressSchema, textSchema } from '../../../shared/schemas/common';
import { roleSchema } from '../../../shared/schemas/member';
import { authedProcedure, router } from '../init';

export const inviteInputSchema = z.object({
  email: emailAddressSchema,
  displayName: textSchema(200).min(1, 'display name is required'),
  role: roleSchema,
});

export const usersRouter = router({
  /** Admin only: adds a user to the admin's organisation and returns their one-time code. */
  invite: authedProcedure
    .input(inviteInputSchema)
    .output(z.object({ userId: z.string(), code: z.string() }))
    .mutation(({ ctx, input }) => ctx.services.auth.invite(ctx.user, input)),
});

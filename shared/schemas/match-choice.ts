import { z } from 'zod';
import { emailAddressSchema, idSchema, instantSchema } from './common';

/**
 * When several customers match one address, the customer the user picked for it (issue 3).
 * Per user, replicated to that user's devices only. The id is derived from user and address
 * (shared/domain/match-choice), so every device names the same choice with the same id.
 */
export const matchChoiceSchema = z.object({
  id: idSchema,
  /** The address's match key (shared/domain/email matchKeyOf). */
  addressKey: z.string(),
  customerId: idSchema,
  updatedAt: instantSchema,
});
export type MatchChoice = z.infer<typeof matchChoiceSchema>;

/** The row id is not sent: both sides derive it from user and address. */
export const matchChoiceSetSchema = z.object({
  address: emailAddressSchema,
  customerId: idSchema,
});
export type MatchChoiceSet = z.infer<typeof matchChoiceSetSchema>;

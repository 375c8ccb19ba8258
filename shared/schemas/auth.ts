import { z } from 'zod';
import { emailAddressSchema } from './common';
import { memberSchema } from './member';

export const signInInputSchema = z.object({
  email: emailAddressSchema,
  /** The one-time sign-in code printed by the server or issued by an admin. */
  code: z.string().trim().min(8).max(64),
  /** Free text naming the device, kept with the token for the user's session list. */
  deviceName: z.string().trim().max(100).default('browser extension'),
});
export type SignInInput = z.infer<typeof signInInputSchema>;

export const signInOutputSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: memberSchema,
  organisation: z.object({ id: z.string(), name: z.string() }),
});
export type SignInOutput = z.infer<typeof signInOutputSchema>;

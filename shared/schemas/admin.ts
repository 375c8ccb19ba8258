import { z } from 'zod';
import { emailAddressSchema, idSchema, instantSchema, textSchema } from './common';
import { departmentNameSchema } from './department';
import { memberSchema, roleSchema } from './member';

/**
 * The admin's management of people and departments (options page, tRPC `users.*` and
 * `departments.*`). Online only: these change who may see what, so they go straight to the
 * server instead of through an offline outbox.
 */

export const inviteInputSchema = z.object({
  email: emailAddressSchema,
  displayName: textSchema(200).min(1, 'display name is required'),
  role: roleSchema,
  departmentId: idSchema.nullable().default(null),
});
export type InviteInput = z.infer<typeof inviteInputSchema>;

/** The one-time code; the options page turns it into an invite link with its server URL. */
export const inviteOutputSchema = z.object({ userId: idSchema, code: z.string(), expiresAt: instantSchema });
export type InviteOutput = z.infer<typeof inviteOutputSchema>;

/** A user as the admin's list shows them. */
export const userSummarySchema = memberSchema.extend({
  createdAt: instantSchema,
  /** The newest use of any of their sessions; null if they never signed in. */
  lastActiveAt: instantSchema.nullable(),
  /** Sessions (devices) that are still valid. */
  activeSessions: z.number().int().nonnegative(),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

export const userUpdateInputSchema = z
  .object({
    id: idSchema,
    role: roleSchema.optional(),
    departmentId: idSchema.nullable().optional(),
    displayName: textSchema(200).min(1, 'display name is required').optional(),
  })
  .refine((u) => u.role !== undefined || u.departmentId !== undefined || u.displayName !== undefined, 'change at least one field');
export type UserUpdateInput = z.infer<typeof userUpdateInputSchema>;

export const userActiveInputSchema = z.object({ id: idSchema, active: z.boolean() });
export const userCodeInputSchema = z.object({ id: idSchema });

export const departmentCreateInputSchema = z.object({ name: departmentNameSchema });
export const departmentRenameInputSchema = z.object({ id: idSchema, name: departmentNameSchema });
export const departmentDeleteInputSchema = z.object({ id: idSchema });

/** Bulk hand-over (ROL-12): every live customer of one owner to another, history kept. */
export const reassignInputSchema = z
  .object({ fromUserId: idSchema, toUserId: idSchema })
  .refine((r) => r.fromUserId !== r.toUserId, 'choose a different new owner');
export const reassignOutputSchema = z.object({ customers: z.number().int().nonnegative() });

import { z } from 'zod';
import { idSchema, instantSchema } from './common';

/**
 * The audit trail (DOMAIN.md "Every change is attributed and kept"): one event per changed row,
 * written by the database in the transaction of the change. Admins read it; nobody edits it.
 */
export const auditOpSchema = z.enum(['insert', 'update', 'delete']);

/** Field → [before, after]; a field whose value is never copied into the trail shows "(hidden)". */
export const auditChangesSchema = z.record(z.string(), z.tuple([z.unknown(), z.unknown()]));
export type AuditChanges = z.infer<typeof auditChangesSchema>;

export const auditEventSchema = z.object({
  /** Ascending with time; the page cursor. */
  id: z.string(),
  at: instantSchema,
  /** Who: null for the server's own work (a background job, the command line). */
  userId: idSchema.nullable(),
  userName: z.string().nullable(),
  /** From which device: the session's device name as given at sign-in. */
  device: z.string().nullable(),
  sessionId: idSchema.nullable(),
  /** What was asked for: a mutation kind (`customer.update`) or a procedure (`users.update`). */
  action: z.string().nullable(),
  entity: z.string(),
  entityId: z.string(),
  op: auditOpSchema,
  changes: auditChangesSchema,
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditListInputSchema = z.object({
  /** The nextCursor of the previous (newer) page; null = the newest events. */
  cursor: z.string().regex(/^[0-9]{1,19}$/, 'must be a cursor returned by audit.list').nullish(),
  limit: z.number().int().min(1).max(500).default(100),
  entityId: idSchema.optional(),
  userId: idSchema.optional(),
});
export type AuditListInput = z.input<typeof auditListInputSchema>;

export const auditListOutputSchema = z.object({
  events: z.array(auditEventSchema),
  nextCursor: z.string().nullable(),
});
export type AuditListOutput = z.infer<typeof auditListOutputSchema>;

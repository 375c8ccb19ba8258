import { z } from 'zod';
import { idSchema } from '../../shared/schemas/common';
import { participantSchema } from '../../shared/schemas/host-context';

/**
 * The sidebar's fallback when IndexedDB cannot be opened in its iframe (DESIGN.md: an enterprise
 * policy that disables storage partitioning while blocking third-party storage). The sidebar then
 * asks the background, whose worker owns the same replica, for one-shot query answers, and has it
 * run the same local mutations.
 */
export const replicaQuerySchema = z.discriminatedUnion('query', [
  z.object({ query: z.literal('sync-status') }),
  z.object({ query: z.literal('match-sender'), sender: participantSchema }),
  z.object({ query: z.literal('timeline'), customerId: idSchema }),
  z.object({ query: z.literal('member'), id: idSchema.nullable() }),
  z.object({ query: z.literal('members') }),
  z.object({ query: z.literal('rejected') }),
  z.object({ query: z.literal('customer'), id: idSchema }),
  z.object({ query: z.literal('contacts'), customerId: idSchema }),
  z.object({ query: z.literal('custom-fields') }),
  z.object({ query: z.literal('last-touch'), customerId: idSchema }),
  z.object({ query: z.literal('search'), text: z.string().max(500), limit: z.number().int().min(1).max(100) }),
  // Issue 5
  z.object({ query: z.literal('mail-accounts') }),
  z.object({ query: z.literal('viewer') }),
  z.object({ query: z.literal('departments') }),
]);
export type ReplicaQuery = z.infer<typeof replicaQuerySchema>;

const fieldsSchema = z.record(z.string(), z.unknown());

/** Why a fallback mutation wrote nothing: the ZodError issues of the local mutation. */
export const replicaIssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  code: z.string(),
  message: z.string(),
  /** What kind of value was checked (string, number, array) and expected: picks the field message. */
  origin: z.string().optional(),
  expected: z.string().optional(),
});
export type ReplicaIssue = z.infer<typeof replicaIssueSchema>;

export const replicaMutationSchema = z.discriminatedUnion('mutation', [
  z.object({
    mutation: z.literal('create-customer'),
    customerName: z.string().trim().min(1).max(200),
    contactName: z.string().max(200),
    email: z.string().max(320),
  }),
  z.object({
    mutation: z.literal('add-note'),
    customerId: idSchema,
    text: z.string().max(10_000),
    sourceRef: z.string().max(500).nullable(),
    private: z.boolean().default(false),
  }),
  z.object({ mutation: z.literal('dismiss-rejected'), mutationId: idSchema }),
  // Customer file edits: only the shape is checked here. The local mutation parses the values
  // with the shared schemas, and its ZodError issues go back to the sidebar (field messages).
  z.object({ mutation: z.literal('update-customer'), id: idSchema, patch: fieldsSchema }),
  z.object({ mutation: z.literal('add-contact'), input: fieldsSchema }),
  z.object({ mutation: z.literal('update-contact'), id: idSchema, patch: fieldsSchema }),
  z.object({ mutation: z.literal('delete-contact'), id: idSchema }),
  z.object({ mutation: z.literal('set-match-choice'), address: z.string().max(320), customerId: idSchema }),
]);
export type ReplicaMutation = z.infer<typeof replicaMutationSchema>;

/** background → extension pages, after any change to the replica or the sync state. */
export const REPLICA_CHANGED = 'inbox-crm/replica-changed';
export const replicaChangedSchema = z.object({ type: z.literal(REPLICA_CHANGED) });

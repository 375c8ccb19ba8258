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
  z.object({ query: z.literal('rejected') }),
]);
export type ReplicaQuery = z.infer<typeof replicaQuerySchema>;

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
  }),
  z.object({ mutation: z.literal('dismiss-rejected'), mutationId: idSchema }),
]);
export type ReplicaMutation = z.infer<typeof replicaMutationSchema>;

/** background → extension pages, after any change to the replica or the sync state. */
export const REPLICA_CHANGED = 'inbox-crm/replica-changed';
export const replicaChangedSchema = z.object({ type: z.literal(REPLICA_CHANGED) });

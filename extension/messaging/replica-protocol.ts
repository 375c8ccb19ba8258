import { z } from 'zod';
import { idSchema } from '../../shared/schemas/common';
import { clueSchema, participantSchema } from '../../shared/schemas/host-context';

/**
 * The sidebar's fallback when IndexedDB cannot be opened in its iframe (DESIGN.md: an enterprise
 * policy that disables storage partitioning while blocking third-party storage). The sidebar then
 * asks the background, whose worker owns the same replica, for one-shot query answers, and has it
 * run the same local mutations.
 */
export const replicaQuerySchema = z.discriminatedUnion('query', [
  z.object({ query: z.literal('sync-status') }),
  z.object({ query: z.literal('match-sender'), sender: participantSchema }),
  z.object({ query: z.literal('timeline'), customerId: idSchema, limit: z.number().int().min(1).max(100_000).optional() }),
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
  // Issue 6: a portal page's clues.
  z.object({ query: z.literal('match-page'), clues: z.array(clueSchema).max(50), me: z.string().max(320).nullable() }),
  // Follow-ups (issue 4)
  z.object({ query: z.literal('follow-ups'), customerId: idSchema }),
  z.object({ query: z.literal('board') }),
  z.object({ query: z.literal('org-settings') }),
  // Issue 4B: service requests and complaints, visits.
  z.object({ query: z.literal('service-items'), customerId: idSchema }),
  z.object({ query: z.literal('visits'), customerId: idSchema }),
  z.object({ query: z.literal('visit-brief'), customerId: idSchema }),
  z.object({ query: z.literal('plannable-meetings'), customerId: idSchema }),
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
  // Follow-ups (issue 4): shapes only; the local mutations parse the values with the shared schemas.
  z.object({ mutation: z.literal('create-follow-up'), input: fieldsSchema }),
  z.object({ mutation: z.literal('update-follow-up'), id: idSchema, patch: fieldsSchema, allowOverdue: z.boolean() }),
  z.object({ mutation: z.literal('complete-follow-up'), id: idSchema, input: fieldsSchema }),
  z.object({ mutation: z.literal('reopen-follow-up'), id: idSchema }),
  z.object({ mutation: z.literal('log-interaction'), input: fieldsSchema }),
  // Issue 4B: the kind names a service / visit change; the local mutation parses the payload
  // with the shared schemas and checks it with the shared rules before writing anything.
  z.object({ mutation: z.literal('log-service-item'), input: fieldsSchema }),
  z.object({
    mutation: z.literal('change-service-item'),
    id: idSchema,
    change: z.object({
      kind: z.enum(['service.update', 'service.firstReply', 'service.commit', 'service.options', 'service.resolve', 'service.close']),
      payload: fieldsSchema,
    }),
  }),
  z.object({ mutation: z.literal('plan-visit'), input: fieldsSchema }),
  z.object({
    mutation: z.literal('change-visit'),
    id: idSchema,
    change: z.object({ kind: z.enum(['visit.update', 'visit.cancel', 'visit.report', 'visit.review']), payload: fieldsSchema }),
  }),
]);
export type ReplicaMutation = z.infer<typeof replicaMutationSchema>;

/** background → extension pages, after any change to the replica or the sync state. */
export const REPLICA_CHANGED = 'inbox-crm/replica-changed';
export const replicaChangedSchema = z.object({ type: z.literal(REPLICA_CHANGED) });

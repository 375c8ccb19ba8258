import { z } from 'zod';
import { idSchema } from './common';
import { contactCreateSchema, contactPatchSchema, contactSchema } from './contact';
import { customFieldDefinitionSaveSchema, customFieldDefinitionSchema } from './custom-field';
import { customerCreateSchema, customerPatchSchema, customerSchema } from './customer';
import { departmentSchema } from './department';
import {
  followUpCompleteSchema,
  followUpCreateSchema,
  followUpCustomerRepliedSchema,
  followUpPatchSchema,
  followUpSchema,
} from './follow-up';
import { interactionLogSchema } from './interaction';
import { mailAccountSchema } from './mail-account';
import { matchChoiceSchema, matchChoiceSetSchema } from './match-choice';
import { memberSchema } from './member';
import { orgSettingsPatchSchema, orgSettingsSchema } from './org-settings';
import {
  serviceCloseSchema,
  serviceCommitSchema,
  serviceCreateSchema,
  serviceFirstReplySchema,
  serviceItemSchema,
  serviceOptionsSchema,
  servicePatchSchema,
  serviceResolveSchema,
} from './service-item';
import { noteCreateSchema, timelineItemSchema } from './timeline';
import { visitPatchSchema, visitPlanSchema, visitReportInputSchema, visitReviewInputSchema, visitSchema } from './visit';

/**
 * The sync protocol (DESIGN.md "Sync protocol"). A mutation is written to the local outbox in the
 * same Dexie transaction as the optimistic row, and pushed later; the server applies each one
 * once, keyed by its id.
 */
const mutationBase = {
  id: idSchema,
  /** The server version the client saw when it made the change; informational for LWW fields. */
  baseVersion: z.number().int().nonnegative().nullable(),
};

export const mutationSchema = z.discriminatedUnion('kind', [
  z.object({ ...mutationBase, kind: z.literal('customer.create'), payload: customerCreateSchema }),
  z.object({
    ...mutationBase,
    kind: z.literal('customer.update'),
    payload: z.object({ id: idSchema, patch: customerPatchSchema }),
  }),
  /** Soft delete: the customer, its contacts and timeline leave every replica as tombstones. */
  z.object({ ...mutationBase, kind: z.literal('customer.delete'), payload: z.object({ id: idSchema }) }),
  z.object({ ...mutationBase, kind: z.literal('contact.create'), payload: contactCreateSchema }),
  z.object({
    ...mutationBase,
    kind: z.literal('contact.update'),
    payload: z.object({ id: idSchema, patch: contactPatchSchema }),
  }),
  z.object({ ...mutationBase, kind: z.literal('contact.delete'), payload: z.object({ id: idSchema }) }),
  z.object({ ...mutationBase, kind: z.literal('note.create'), payload: noteCreateSchema }),
  /** "This address is this customer" when several match; per user. */
  z.object({ ...mutationBase, kind: z.literal('matchChoice.set'), payload: matchChoiceSetSchema }),
  /** Admin only: define or change a custom field of the organisation. */
  z.object({ ...mutationBase, kind: z.literal('customField.save'), payload: customFieldDefinitionSaveSchema }),
  /** Admin only: the definition goes; values already stored stay but are no longer shown. */
  z.object({ ...mutationBase, kind: z.literal('customField.delete'), payload: z.object({ id: idSchema }) }),
  // Issue 4 (follow-ups): follow-ups made and ended by people, touches logged by hand, the
  // extension's "the customer replied" and the admin's organisation settings.
  z.object({ ...mutationBase, kind: z.literal('followUp.create'), payload: followUpCreateSchema }),
  z.object({
    ...mutationBase,
    kind: z.literal('followUp.update'),
    payload: z.object({ id: idSchema, patch: followUpPatchSchema }),
  }),
  z.object({ ...mutationBase, kind: z.literal('followUp.complete'), payload: followUpCompleteSchema }),
  /** Undo of complete: open again, as it was before. */
  z.object({ ...mutationBase, kind: z.literal('followUp.reopen'), payload: z.object({ id: idSchema }) }),
  z.object({ ...mutationBase, kind: z.literal('followUp.customerReplied'), payload: followUpCustomerRepliedSchema }),
  z.object({ ...mutationBase, kind: z.literal('interaction.log'), payload: interactionLogSchema }),
  /** Admin only: whole groups of settings (cadences, care, …); last writer wins per group. */
  z.object({ ...mutationBase, kind: z.literal('orgSettings.update'), payload: orgSettingsPatchSchema }),
  // Issue 4 (service and visits): requests and complaints with their first-reply clock and the
  // complaint workflow; visit plans, reports and reviews. Each step is checked by the shared
  // rules (shared/domain/service-workflow, visit-rules) in the sidebar and again on the server.
  z.object({ ...mutationBase, kind: z.literal('service.create'), payload: serviceCreateSchema }),
  z.object({
    ...mutationBase,
    kind: z.literal('service.update'),
    payload: z.object({ id: idSchema, patch: servicePatchSchema }),
  }),
  z.object({ ...mutationBase, kind: z.literal('service.firstReply'), payload: serviceFirstReplySchema }),
  z.object({ ...mutationBase, kind: z.literal('service.commit'), payload: serviceCommitSchema }),
  z.object({ ...mutationBase, kind: z.literal('service.options'), payload: serviceOptionsSchema }),
  z.object({ ...mutationBase, kind: z.literal('service.resolve'), payload: serviceResolveSchema }),
  z.object({ ...mutationBase, kind: z.literal('service.close'), payload: serviceCloseSchema }),
  z.object({ ...mutationBase, kind: z.literal('visit.plan'), payload: visitPlanSchema }),
  z.object({
    ...mutationBase,
    kind: z.literal('visit.update'),
    payload: z.object({ id: idSchema, patch: visitPatchSchema }),
  }),
  z.object({ ...mutationBase, kind: z.literal('visit.cancel'), payload: z.object({ id: idSchema }) }),
  z.object({ ...mutationBase, kind: z.literal('visit.report'), payload: visitReportInputSchema }),
  z.object({ ...mutationBase, kind: z.literal('visit.review'), payload: visitReviewInputSchema }),
]);
export type Mutation = z.infer<typeof mutationSchema>;
/** What a client writes (creates may leave fields out; parsing fills in the empty values). */
export type MutationInput = z.input<typeof mutationSchema>;
export type MutationKind = Mutation['kind'];

export const MAX_PUSH_BATCH = 200;
/**
 * Clients also cut a batch at this many bytes of JSON: 200 long Chinese notes are 6 MB, above the
 * 5 MB the server reads per request (server/http), and a refused batch would block the outbox.
 */
export const MAX_PUSH_BATCH_BYTES = 2 * 1024 * 1024;
export const pushInputSchema = z.object({
  mutations: z.array(mutationSchema).min(1).max(MAX_PUSH_BATCH),
});
export type PushInput = z.infer<typeof pushInputSchema>;

/**
 * Why the server refused a mutation; the sidebar shows a translated text for each code.
 * 'too_large' is set by the client, when the server refused the mutation alone for its size (413).
 */
export const rejectionCodeSchema = z.enum(['not_found', 'forbidden', 'invalid', 'conflict', 'too_large']);
export type RejectionCode = z.infer<typeof rejectionCodeSchema>;

export const mutationResultSchema = z.discriminatedUnion('status', [
  z.object({ mutationId: idSchema, status: z.literal('applied') }),
  z.object({
    mutationId: idSchema,
    status: z.literal('rejected'),
    code: rejectionCodeSchema,
    reason: z.string(),
  }),
]);
export type MutationResult = z.infer<typeof mutationResultSchema>;
export const pushOutputSchema = z.object({ results: z.array(mutationResultSchema) });
export type PushOutput = z.infer<typeof pushOutputSchema>;

export const entitySchema = z.enum([
  'customer',
  'contact',
  'timelineItem',
  'member',
  'matchChoice',
  'customField',
  // Issue 4: follow-ups, service requests and complaints, visits, the organisation's rules.
  'followUp',
  'serviceItem',
  'visit',
  'orgSettings',
  // Issue 5: a connected mail/calendar account and its sync health (private to its user).
  'mailAccount',
  // Issue 7: departments (names for the owner and sharing pickers; managers see theirs).
  'department',
]);
export type Entity = z.infer<typeof entitySchema>;

export const changeSchema = z.discriminatedUnion('entity', [
  z.object({ entity: z.literal('customer'), op: z.literal('upsert'), row: customerSchema }),
  z.object({ entity: z.literal('contact'), op: z.literal('upsert'), row: contactSchema }),
  z.object({ entity: z.literal('timelineItem'), op: z.literal('upsert'), row: timelineItemSchema }),
  z.object({ entity: z.literal('member'), op: z.literal('upsert'), row: memberSchema }),
  z.object({ entity: z.literal('matchChoice'), op: z.literal('upsert'), row: matchChoiceSchema }),
  z.object({ entity: z.literal('customField'), op: z.literal('upsert'), row: customFieldDefinitionSchema }),
  z.object({ entity: z.literal('followUp'), op: z.literal('upsert'), row: followUpSchema }),
  z.object({ entity: z.literal('serviceItem'), op: z.literal('upsert'), row: serviceItemSchema }),
  z.object({ entity: z.literal('visit'), op: z.literal('upsert'), row: visitSchema }),
  z.object({ entity: z.literal('orgSettings'), op: z.literal('upsert'), row: orgSettingsSchema }),
  // Issue 5
  z.object({ entity: z.literal('mailAccount'), op: z.literal('upsert'), row: mailAccountSchema }),
  z.object({ entity: z.literal('department'), op: z.literal('upsert'), row: departmentSchema }),
]);
export const tombstoneSchema = z.object({ entity: entitySchema, op: z.literal('delete'), id: idSchema });
export const pulledChangeSchema = z.union([changeSchema, tombstoneSchema]);
export type PulledChange = z.infer<typeof pulledChangeSchema>;

export const MAX_PULL_LIMIT = 5000;
export const pullInputSchema = z.object({
  /** Opaque; null means "from the beginning of my scope". */
  cursor: z.string().max(200).nullable(),
  limit: z.number().int().min(1).max(MAX_PULL_LIMIT).default(1000),
});
export type PullInput = z.infer<typeof pullInputSchema>;

export const pullOutputSchema = z.discriminatedUnion('resetRequired', [
  z.object({
    resetRequired: z.literal(false),
    changes: z.array(pulledChangeSchema),
    nextCursor: z.string(),
    hasMore: z.boolean(),
  }),
  /** The cursor is older than the change log keeps: drop the replica and pull from null. */
  z.object({ resetRequired: z.literal(true) }),
]);
export type PullOutput = z.infer<typeof pullOutputSchema>;

import { z } from 'zod';
import { idSchema } from '../../../shared/schemas/common';

/**
 * The stored plan: exactly what apply will write, fully resolved (ids chosen, customers found),
 * plus what it assumed about the data at dry-run time. Creates and patches are kept in the input
 * form the API accepts and parsed again with the shared schemas when applied.
 */
const bag = z.record(z.string(), z.unknown());

export const planOperationsSchema = z.object({
  customerCreates: z.array(bag),
  customerUpdates: z.array(z.object({ id: idSchema, version: z.number().int(), row: z.number().int(), patch: bag })),
  contactCreates: z.array(bag),
  contactUpdates: z.array(z.object({ id: idSchema, version: z.number().int(), row: z.number().int(), patch: bag })),
  historyCreates: z.array(bag),
  /** Issue 4: open follow-ups of pass 2 (plans stored before it have none). */
  followUpCreates: z.array(bag).default([]),
  /** Issue 4B: open requests and complaints of pass 2, and their promised-reply reminders (plans stored before it have none). */
  serviceCreates: z.array(bag).default([]),
  serviceFollowUps: z.array(z.object({ row: bag, dedupeKey: z.string() })).default([]),
  /** Assumptions checked again at apply: if one no longer holds, nothing is written. */
  expect: z.object({
    /** Codes the plan gives out (new customers, changed codes): still free. */
    freeCodes: z.array(z.string()),
    /** Tax numbers of new customers: still on no live customer (else the row would be an update). */
    freeTaxNumbers: z.array(z.string()),
    /** Existing customers the plan adds contacts, history, follow-ups or service items to without updating them: still live. */
    liveCustomerIds: z.array(idSchema),
  }),
});
export type PlanOperations = z.infer<typeof planOperationsSchema>;

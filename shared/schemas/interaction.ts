import { z } from 'zod';
import { idSchema, instantSchema, textSchema } from './common';

/**
 * A touch logged by hand (DOMAIN.md: "Touch" = any logged email, call or meeting with the
 * customer; a visit is a meeting held at the customer). It goes on the timeline, and it ends the
 * customer's open cadence follow-up: a touch the touch one, a meeting or visit the visit one too.
 */
export const interactionKindSchema = z.enum(['call', 'email', 'meeting', 'visit']);
export type InteractionKind = z.infer<typeof interactionKindSchema>;

/** A touch ahead of now by more than this is a typo, not a touch (clocks differ a little). */
export const MAX_TOUCH_AHEAD_MS = 60 * 60 * 1000;

export const interactionLogSchema = z.object({
  /** The timeline item's id. */
  id: idSchema,
  customerId: idSchema,
  kind: interactionKindSchema,
  occurredAt: instantSchema,
  summary: textSchema(10_000).min(1, 'say what was discussed'),
  contactIds: z.array(idSchema).max(50).default([]),
  sourceRef: textSchema(500).nullable().default(null),
});
export type InteractionLog = z.output<typeof interactionLogSchema>;
export type InteractionLogInput = z.input<typeof interactionLogSchema>;

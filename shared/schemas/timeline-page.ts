import { z } from 'zod';
import { idSchema } from './common';
import { timelineItemSchema, timelineKindSchema } from './timeline';

export const TIMELINE_PAGE_MAX = 200;

/**
 * One page of a customer's timeline straight from the server (`timeline.page`): for a customer
 * the replica does not hold yet (just signed in, the first sync still running, or opened from a
 * link). Newest first in the shared order (shared/domain/timeline-order.ts); the cursor is the
 * previous page's `nextCursor`, opaque, and valid only for the same customer and filter.
 */
export const timelinePageInputSchema = z.object({
  customerId: idSchema,
  cursor: z.string().min(1).max(500).nullish(),
  limit: z.number().int().min(1).max(TIMELINE_PAGE_MAX).default(50),
  /** Only these kinds; absent = every kind. */
  kinds: z.array(timelineKindSchema).min(1).max(timelineKindSchema.options.length).optional(),
});
export type TimelinePageInput = z.input<typeof timelinePageInputSchema>;
export type TimelinePageRequest = z.infer<typeof timelinePageInputSchema>;

export const timelinePageSchema = z.object({
  items: z.array(timelineItemSchema),
  /** Null on the last page. */
  nextCursor: z.string().nullable(),
});
export type TimelinePage = z.infer<typeof timelinePageSchema>;

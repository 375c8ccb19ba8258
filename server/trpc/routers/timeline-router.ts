import { timelinePageInputSchema, timelinePageSchema } from '../../../shared/schemas/timeline-page';
import { authedProcedure, router } from '../init';

export const timelineRouter = router({
  /** A customer's timeline page by page from the server, for what the replica does not hold yet. */
  page: authedProcedure
    .input(timelinePageInputSchema)
    .output(timelinePageSchema)
    .query(({ ctx, input }) => ctx.services.timeline.page(ctx.user, input)),
});

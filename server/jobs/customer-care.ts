import type { Job } from './job';

/** Birthday and holiday reminders (server/domain/follow-ups/care-run.ts); hourly, idempotent by dedupe keys. */
export const customerCareJob: Job = {
  name: 'customer-care',
  everyMs: 60 * 60 * 1000,
  async run({ services, now, signal }) {
    await services.followUps.runCare(now, signal);
  },
};

import type { Job } from './job';

/**
 * Cadence follow-ups (server/domain/follow-ups/cadence-run.ts). Hourly: a follow-up falls due at
 * the organisation's reminder hour on its day, so it is on the board well before; idempotent by
 * dedupe keys, so an extra run or a second process changes nothing.
 */
export const cadenceFollowUpsJob: Job = {
  name: 'cadence-follow-ups',
  everyMs: 60 * 60 * 1000,
  async run({ services, now, signal }) {
    await services.followUps.runCadence(now, signal);
  },
};

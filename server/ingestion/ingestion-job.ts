import type { Job } from '../jobs/job';

/** Imports due mail and calendar channels (runDueChannels); the interval is CRM_INGEST_INTERVAL_MS. */
export function ingestionJob(everyMs: number): Job {
  return {
    name: 'mail-ingestion',
    everyMs,
    // Each channel is leased to one worker (run-due-channels.ts): all workers share the work.
    perWorker: true,
    async run({ services, now, signal, log }) {
      await services.ingestion.runDue({ now, signal, ...(log ? { log } : {}) });
    },
  };
}

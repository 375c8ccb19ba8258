import type { Services } from '../domain/services';

/**
 * A piece of background work the server repeats: cadence follow-ups, reminders, mail ingestion,
 * purges. Every job must be idempotent (safe to run twice, or in two processes at once): the
 * database decides what is already done, never the scheduler's memory, because the process can
 * die between any two statements and several server processes may share one database.
 */
export type Job = {
  /** Stable, kebab-case; appears in logs. */
  name: string;
  /** Pause between the end of one run and the start of the next. */
  everyMs: number;
  /**
   * Issue 8. Default: one run at a time across all worker processes (a lease in job_leases), due
   * every `everyMs` cluster-wide. true: every worker runs it, because the job leases its own
   * units of work (mail ingestion leases each channel, so workers share the channels).
   */
  perWorker?: boolean;
  run(context: JobContext): Promise<void>;
};

export type JobContext = {
  services: Services;
  /** The run's start time (tests pass a fixed clock). */
  now: Date;
  /** Aborted when the server shuts down; long runs should stop at the next safe point. */
  signal: AbortSignal;
  /** Issue 8: the server's structured error log (default: console). */
  log?: (message: string, error: unknown) => void;
};

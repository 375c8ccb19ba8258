import type { Services } from '../domain/services';
import type { jobLeasesRepository } from '../storage/repositories/job-leases';
import type { Job } from './job';
import { keepLease, type LeaseSettings } from './lease';

export type Scheduler = {
  /** Runs one job now, due or not (unless it runs here already, or another worker holds its lease); resolves when that run ends. */
  runNow(name: string): Promise<void>;
  /** No new runs; aborts the running ones and waits for them to settle. */
  stop(): Promise<void>;
};

export type SchedulerOptions = {
  /** Delay before each job's first run, so start-up (migrations, HTTP) finishes first. */
  firstRunAfterMs?: number;
  clock?: () => Date;
  log?: (message: string, error: unknown) => void;
  /**
   * Cluster-wide leases (the server passes the database's): a job runs in one worker at a time
   * and is due every `everyMs` across all of them. Without: in-process only (unit tests).
   */
  leases?: { repo: Pick<ReturnType<typeof jobLeasesRepository>, 'claim' | 'renew' | 'finish'>; settings: LeaseSettings };
};

/**
 * Runs each job on its own timer, one run at a time per job (a slow run delays the next one
 * instead of overlapping it). A failing run is logged and retried at the next tick; it never
 * stops the other jobs or the server. With `leases`, a job also runs in one process at a time
 * across the cluster (unless it is perWorker); jobs stay idempotent anyway (see job.ts).
 */
export function startScheduler(jobs: readonly Job[], services: Services, options: SchedulerOptions = {}): Scheduler {
  const { firstRunAfterMs = 1_000, clock = () => new Date() } = options;
  const log = options.log ?? ((message, error) => console.error(message, error));
  const abort = new AbortController();
  const running = new Map<string, Promise<void>>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const byName = new Map(jobs.map((job) => [job.name, job]));
  if (byName.size !== jobs.length) throw new Error('two background jobs share a name');

  async function leased(job: Job, force: boolean): Promise<void> {
    if (!options.leases || job.perWorker) return job.run({ services, now: clock(), signal: abort.signal, log });
    const { repo, settings } = options.leases;
    if (!(await repo.claim(job.name, settings.owner, settings.leaseMs, force))) return;
    const held = keepLease(() => repo.renew(job.name, settings.owner, settings.leaseMs), settings.leaseMs, abort.signal, log);
    let failure: string | null = null;
    try {
      await job.run({ services, now: clock(), signal: held.signal, log });
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
      throw error;
    } finally {
      held.stop();
      await repo.finish(job.name, settings.owner, job.everyMs, failure).catch((error: unknown) => log(`[job ${job.name}] could not release its lease:`, error));
    }
  }

  function runOnce(job: Job, force = false): Promise<void> {
    const current = running.get(job.name);
    if (current) return current;
    const run = leased(job, force)
      .catch((error: unknown) => {
        if (!abort.signal.aborted) log(`[job ${job.name}] failed; it runs again in ${job.everyMs} ms:`, error);
      })
      .finally(() => running.delete(job.name));
    running.set(job.name, run);
    return run;
  }

  function schedule(job: Job, delayMs: number): void {
    if (abort.signal.aborted) return;
    const timer = setTimeout(() => {
      void runOnce(job).then(() => schedule(job, pollMs(job)));
    }, delayMs);
    // A pending job must never keep a CLI or a test process alive.
    timer.unref();
    timers.set(job.name, timer);
  }

  // A leased job asks at least once per lease length, so a crashed holder's job resumes promptly.
  const pollMs = (job: Job) => (options.leases && !job.perWorker ? Math.min(job.everyMs, options.leases.settings.leaseMs) : job.everyMs);
  for (const job of jobs) schedule(job, firstRunAfterMs);

  return {
    runNow(name) {
      const job = byName.get(name);
      if (!job) return Promise.reject(new Error(`no background job named ${name}`));
      return runOnce(job, true);
    },
    async stop() {
      abort.abort();
      for (const timer of timers.values()) clearTimeout(timer);
      await Promise.allSettled([...running.values()]);
    },
  };
}

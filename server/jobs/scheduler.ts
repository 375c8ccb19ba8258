import type { Services } from '../domain/services';
import type { Job } from './job';

export type Scheduler = {
  /** Runs one job now (unless it is already running) and resolves when that run ends. */
  runNow(name: string): Promise<void>;
  /** No new runs; aborts the running ones and waits for them to settle. */
  stop(): Promise<void>;
};

export type SchedulerOptions = {
  /** Delay before each job's first run, so start-up (migrations, HTTP) finishes first. */
  firstRunAfterMs?: number;
  clock?: () => Date;
  log?: (message: string, error: unknown) => void;
};

/**
 * Runs each job on its own timer, one run at a time per job (a slow run delays the next one
 * instead of overlapping it). A failing run is logged and retried at the next tick; it never
 * stops the other jobs or the server. In-process only: several processes rely on the jobs'
 * own idempotency (see job.ts).
 */
export function startScheduler(jobs: readonly Job[], services: Services, options: SchedulerOptions = {}): Scheduler {
  const { firstRunAfterMs = 1_000, clock = () => new Date() } = options;
  const log = options.log ?? ((message, error) => console.error(message, error));
  const abort = new AbortController();
  const running = new Map<string, Promise<void>>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const byName = new Map(jobs.map((job) => [job.name, job]));
  if (byName.size !== jobs.length) throw new Error('two background jobs share a name');

  function runOnce(job: Job): Promise<void> {
    const current = running.get(job.name);
    if (current) return current;
    const run = job
      .run({ services, now: clock(), signal: abort.signal })
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
      void runOnce(job).then(() => schedule(job, job.everyMs));
    }, delayMs);
    // A pending job must never keep a CLI or a test process alive.
    timer.unref();
    timers.set(job.name, timer);
  }

  for (const job of jobs) schedule(job, firstRunAfterMs);

  return {
    runNow(name) {
      const job = byName.get(name);
      if (!job) return Promise.reject(new Error(`no background job named ${name}`));
      return runOnce(job);
    },
    async stop() {
      abort.abort();
      for (const timer of timers.values()) clearTimeout(timer);
      await Promise.allSettled([...running.values()]);
    },
  };
}

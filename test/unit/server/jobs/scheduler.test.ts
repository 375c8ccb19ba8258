import { describe, expect, it } from 'vitest';
import type { Services } from '../../../../server/domain/services';
import type { Job } from '../../../../server/jobs/job';
import { startScheduler } from '../../../../server/jobs/scheduler';

const services = {} as Services;
const noLog = () => undefined;

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('background job scheduler', () => {
  it('runs a job once at a time: runNow during a run joins that run', async () => {
    const gate = deferred();
    let runs = 0;
    const job: Job = { name: 'slow', everyMs: 60_000, run: async () => void (runs++, await gate.promise) };
    const scheduler = startScheduler([job], services, { firstRunAfterMs: 60_000, log: noLog });
    const first = scheduler.runNow('slow');
    const second = scheduler.runNow('slow');
    gate.resolve();
    await Promise.all([first, second]);
    expect(runs).toBe(1);
    await scheduler.runNow('slow');
    expect(runs).toBe(2);
    await scheduler.stop();
  });

  it('a failing job is logged and does not stop the others', async () => {
    const logged: string[] = [];
    let okRuns = 0;
    const jobs: Job[] = [
      { name: 'broken', everyMs: 10, run: async () => Promise.reject(new Error('boom')) },
      { name: 'fine', everyMs: 10, run: async () => void okRuns++ },
    ];
    const scheduler = startScheduler(jobs, services, { firstRunAfterMs: 0, log: (m) => logged.push(m) });
    await new Promise((r) => setTimeout(r, 80));
    await scheduler.stop();
    expect(okRuns).toBeGreaterThan(1);
    expect(logged.some((m) => m.includes('[job broken] failed'))).toBe(true);
  });

  it('stop aborts the running job and waits for it to settle', async () => {
    let settled = false;
    const job: Job = {
      name: 'long',
      everyMs: 60_000,
      run: ({ signal }) =>
        new Promise<void>((resolve) => signal.addEventListener('abort', () => setTimeout(() => ((settled = true), resolve()), 5))),
    };
    const scheduler = startScheduler([job], services, { firstRunAfterMs: 60_000, log: noLog });
    void scheduler.runNow('long');
    await scheduler.stop();
    expect(settled).toBe(true);
  });

  it('passes the clock time to the run and refuses unknown names and duplicate names', async () => {
    const at = new Date('2026-12-03T08:00:00Z');
    let seen: Date | null = null;
    const job: Job = { name: 'clock', everyMs: 60_000, run: async ({ now }) => void (seen = now) };
    const scheduler = startScheduler([job], services, { firstRunAfterMs: 60_000, clock: () => at, log: noLog });
    await scheduler.runNow('clock');
    expect(seen).toEqual(at);
    await expect(scheduler.runNow('nope')).rejects.toThrow('no background job named nope');
    await scheduler.stop();
    expect(() => startScheduler([job, job], services)).toThrow('share a name');
  });
});

import type { AddressInfo } from 'node:net';
import { bootstrapFirstOrganisation, type BootstrapInfo } from './bootstrap';
import type { Services } from './domain/services';
import { createHttpServer } from './http/http-server';
import type { Job } from './jobs/job';
import { jobs as allJobs } from './jobs/registry';
import { startScheduler, type Scheduler } from './jobs/scheduler';
import { openServices } from './open-services';

export type StartOptions = {
  port: number;
  host: string;
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  orgName?: string | undefined;
  adminEmail?: string | undefined;
  /** CRM_TIME_ZONE: the first organisation's zone (default: the machine's). */
  timeZone?: string | undefined;
  /** Background jobs to run in this process; [] runs none (tests drive them with runNow). */
  jobs?: readonly Job[];
};

export type RunningServer = {
  url: string;
  database: string;
  bootstrap: BootstrapInfo;
  services: Services;
  scheduler: Scheduler;
  close(): Promise<void>;
};

/** Everything main.ts does except reading env and printing; tests start the server with this. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { db, services } = await openServices(options);
  const bootstrap = await bootstrapFirstOrganisation(services, options);
  const server = createHttpServer(services);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  }).catch(async (err) => {
    await db.close();
    throw err;
  });
  const scheduler = startScheduler(options.jobs ?? allJobs, services);
  const { port } = server.address() as AddressInfo;
  const hostForUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${hostForUrl}:${port}`,
    database: db.description,
    bootstrap,
    services,
    scheduler,
    close: () =>
      (closing ??= (async () => {
        await scheduler.stop();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Keep-alive connections would hold close() open until they time out.
          server.closeAllConnections();
        });
        await db.close();
      })()),
  };
}

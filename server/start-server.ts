import type { AddressInfo } from 'node:net';
import { bootstrapFirstOrganisation, type BootstrapInfo } from './bootstrap';
import type { Services } from './domain/services';
import { createHttpServer } from './http/http-server';
import type { Job } from './jobs/job';
import { jobs as allJobs } from './jobs/registry';
import { startScheduler, type Scheduler } from './jobs/scheduler';
import { leaseSettingsFromEnv, type LeaseSettings } from './jobs/lease';
import type { ServerRole } from './server-role';
import { createHttpCounters } from './observability/metrics';
import { createLogger, errorLogOf, type Logger } from './observability/logger';
import { jobLeasesRepository } from './storage/repositories/job-leases';
import { createIngestionDeps, type IngestionDeps } from './ingestion/ingestion-deps';
import { ingestionConfigFromEnv } from './ingestion/ingestion-config';
import { loadTokenKey } from './ingestion/token-cipher';
import { openServices } from './open-services';
import { defaultPgliteDir } from './storage/pglite-dir';
import { dirname } from 'node:path';

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
  /** Mail ingestion's providers and key; default: from the environment (README "Settings"). */
  ingestion?: IngestionDeps;
  /** Issue 8: api (HTTP only), worker (background jobs; HTTP serves health only) or all (default). */
  role?: ServerRole;
  /** Issue 8: this process's lease identity; default: from the environment (CRM_LEASE_MS). */
  lease?: LeaseSettings;
  /** Issue 8: the structured log; default: pino on stdout at CRM_LOG_LEVEL. */
  logger?: Logger;
};

/**
 * Ingestion settings from the environment. The token key is CRM_TOKEN_KEY, else a key file in
 * the data folder (created with a warning); the public URL is CRM_PUBLIC_URL, else the address
 * the server listens on (filled in once it is known).
 */
function ingestionFromEnv(options: StartOptions): IngestionDeps {
  const env = process.env;
  const key = loadTokenKey(env, dirname(defaultPgliteDir(options.dataDir)), (text) => console.warn(`Warning: ${text}`));
  return createIngestionDeps({ config: ingestionConfigFromEnv(env), key, ...(env.CRM_PUBLIC_URL ? { publicUrl: env.CRM_PUBLIC_URL } : {}) });
}

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
  const ingestion = options.ingestion ?? ingestionFromEnv(options);
  const publicUrlConfigured = Boolean(options.ingestion) || Boolean(process.env.CRM_PUBLIC_URL);
  const { db, services } = await openServices(options, { ingestion });
  const role = options.role ?? 'all';
  // Workers never create the first organisation: that is the API's first start (README).
  const bootstrap = role === 'worker' ? ({ created: false } as const) : await bootstrapFirstOrganisation(services, options);
  const log = options.logger ?? createLogger({ role });
  const health = { db, http: createHttpCounters(), role, metricsToken: process.env.CRM_METRICS_TOKEN || undefined };
  const server = createHttpServer(services, { api: role !== 'worker', health, log });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  }).catch(async (err) => {
    await db.close();
    throw err;
  });
  const lease = options.lease ?? leaseSettingsFromEnv();
  const scheduler = startScheduler(role === 'api' ? [] : (options.jobs ?? allJobs), services, {
    leases: { repo: jobLeasesRepository(db), settings: lease },
    log: errorLogOf(log),
  });
  const { port } = server.address() as AddressInfo;
  const hostForUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
  // The OAuth redirect URI needs the real port, known only now (PORT=0 in tests).
  if (!publicUrlConfigured) ingestion.publicUrl = `http://${hostForUrl}:${port}`;
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

/**
 * Load figures (issue 8): 200 simulated extension clients against 2 API processes on loopback,
 * both on one PostgreSQL 15 started for the run:
 *   load_200_clients          99th percentile of every push and pull request's latency (ms)
 *   load_200_clients_errors   failed requests (HTTP errors, refused connections, rejected mutations),
 *                             warm-up included
 *   api_rss_mb                peak resident memory of either API process during the load
 * A client is what the extension's sync engine does: push its outbox (1-3 new customers, contacts
 * or notes), then pull from its cursor until nothing is left, then wait 1-3 s (alarms and edits
 * are seconds apart). 10 organisations × 20 users, each organisation seeded with 1,000 customers.
 *   npm run bench:load   (alone; BENCH_LOAD_SECONDS, BENCH_LOAD_WARMUP_SECONDS, BENCH_LOAD_CLIENTS)   npm run bench   (with the rest)
 * Also reported: CPU ms per request of the API processes, PostgreSQL and this load generator
 * (the figure to compare between runs on a shared machine) and the load average. Switches for
 * profiling: BENCH_API_NODE_ARGS, BENCH_PG_STATEMENTS=1, BENCH_PG_SOCKET=1 (docs/performance.md).
 */
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { MutationInput } from '../../shared/schemas/sync';
import { openServices } from '../../server/open-services';
import { m } from '../integration/support/mutations';
import { apiClient } from '../support/api-client';
import { syncCaller, type SyncCaller } from './load-client';
import { startPostgres } from '../support/postgres-server';
import { ServerProcess } from '../support/server-process';
import { repoRoot } from '../support/paths';
import pg from 'pg';
import { cpuMsOf, treeCpuMsOf } from './process-cpu';
import { percentile, round } from './stats';

export type LoadBench = {
  load_200_clients: number;
  load_200_clients_errors: number;
  api_rss_mb: number;
  clients: number;
  seconds: number;
  requests: number;
  requests_per_s: number;
  p50_ms: number;
  p95_ms: number;
  push_p99_ms: number;
  pull_p99_ms: number;
  mutations_applied: number;
  /** CPU (user + system) per request during the measured seconds: both API processes together. */
  api_cpu_ms_per_request: number;
  /** The same for PostgreSQL (postmaster and every backend, live or exited). */
  pg_cpu_ms_per_request: number;
  /** The same for this process, the load generator (it shares the cores with the server). */
  client_cpu_ms_per_request: number;
  /** The machine's 1-minute load average at the start and at the end of the measured seconds. */
  load_average: [number, number];
  first_errors: string[];
  /** BENCH_PG_STATEMENTS=1: PostgreSQL's most expensive statements during the run. */
  top_statements?: { query: string; calls: number; total_ms: number; mean_ms: number }[];
};

const ORGS = 10;
const SEED_CUSTOMERS = 1_000;

type Client = { api: SyncCaller; cursor: string | null; customers: string[] };

export async function measureLoad(options: { clients?: number; seconds?: number } = {}): Promise<LoadBench> {
  const clientCount = options.clients ?? Number(process.env.BENCH_LOAD_CLIENTS ?? 200);
  const seconds = options.seconds ?? Number(process.env.BENCH_LOAD_SECONDS ?? 60);
  const warmUpSeconds = Number(process.env.BENCH_LOAD_WARMUP_SECONDS ?? 10);
  const perOrg = Math.ceil(clientCount / ORGS);
  const statements = process.env.BENCH_PG_STATEMENTS === '1';
  const postgres = await startPostgres({
    max_connections: '100',
    ...(statements ? { shared_preload_libraries: 'pg_stat_statements' } : {}),
    ...(process.env.BENCH_PG_LOG ? pgLogSettings(process.env.BENCH_PG_LOG) : {}),
  });
  const apis: ServerProcess[] = [];
  const builtDir = join(repoRoot, 'dist', `bench-load-${process.pid}`);
  const clients: Client[] = [];
  try {
    const tcpUrl = await postgres.createDatabase('crm_load');
    // BENCH_PG_SOCKET=1: the API processes reach PostgreSQL over its Unix socket, as a server on
    // the same host would be configured (docs/deploy.md); the default is TCP on loopback.
    const url = process.env.BENCH_PG_SOCKET === '1' ? postgres.socketUrl('crm_load') : tcpUrl;
    const env = { DATABASE_URL: url, CRM_ROLE: 'api', CRM_TOKEN_KEY: randomBytes(32).toString('base64'), CRM_LOG_LEVEL: 'warn', CRM_DB_POOL_MAX: '20' };
    // Profiling switch, e.g. BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof".
    const nodeArgs = process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
    // The API processes run the built server with plain Node, as production does (docs/deploy.md).
    buildServer(builtDir);
    apis.push(await ServerProcess.start({ env, nodeArgs, built: builtDir }));
    apis.push(await ServerProcess.start({ env, nodeArgs, built: builtDir }));

    // Users and sign-in codes straight through the auth service (as the CLI does), then each
    // client signs in over HTTP like the options page.
    const { db, services } = await openServices({ databaseUrl: url });
    const logins: { email: string; code: string; org: number }[] = [];
    for (let o = 0; o < ORGS; o++) {
      const org = await services.auth.createOrganisation({ name: `负载 Load ${o}`, adminEmail: `admin@load${o}.example` });
      logins.push({ email: org.email, code: org.code, org: o });
      for (let u = 1; u < perOrg; u++) {
        const user = await services.auth.addUser(org.orgId, { email: `rep${u}@load${o}.example`, displayName: `销售 ${u}`, role: 'sales_rep' });
        logins.push({ email: `rep${u}@load${o}.example`, code: user.code, org: o });
      }
    }
    await db.close();
    for (const [i, login] of logins.slice(0, clientCount).entries()) {
      const base = apis[i % apis.length]!.url;
      const { token } = await apiClient(base).auth.signIn.mutate({ email: login.email, code: login.code, deviceName: 'load' });
      clients.push({ api: syncCaller(base, token), cursor: null, customers: [] });
    }
    // Each organisation's admin seeds its customers; every client then makes its first full sync.
    for (const client of clients.filter((_, i) => logins[i]!.email.startsWith('admin@'))) {
      for (let b = 0; b < SEED_CUSTOMERS / 200; b++) {
        const batch = Array.from({ length: 200 }, (_, n) => m.createCustomer(`种子客户 Seed ${b * 200 + n}`));
        await client.api.push(batch);
      }
    }
    for (const client of clients) await pullToEnd(client, []);
    // A database in service has current statistics; this one was created and migrated a minute
    // ago, and autovacuum analysed the catalog and every young table during the measured seconds
    // (each ANALYZE makes all 40 connections re-plan their prepared statements at once).
    await vacuumAnalyze(url);

    const samples: Sample[] = [];
    const errors: string[] = [];
    let applied = 0;
    let peakRss = 0;
    const rssTimer = setInterval(() => {
      for (const api of apis) peakRss = Math.max(peakRss, rssOf(api.pid));
    }, 250);
    const cpuNow = () => {
      const own = process.cpuUsage();
      return {
        api: apis.reduce((sum, api) => sum + cpuMsOf(api.pid), 0),
        pg: treeCpuMsOf(postgres.postmasterPid() ?? 0),
        client: (own.user + own.system) / 1000,
      };
    };
    // The clients run for the warm-up seconds first, unmeasured: before it the pools held one
    // connection each (the set-up above is sequential), and the first seconds of load measured
    // forty PostgreSQL backends starting cold at once, not the server at work.
    const startedWarmUp = performance.now();
    const end = startedWarmUp + (warmUpSeconds + seconds) * 1000;
    let started = Number.POSITIVE_INFINITY;
    let cpuBefore = cpuNow();
    let loadBefore = 0;
    const measuring = sleep(warmUpSeconds * 1000).then(async () => {
      if (statements) await resetStatements(url);
      cpuBefore = cpuNow();
      loadBefore = loadavg()[0]!;
      started = performance.now();
    });
    await Promise.all([
      measuring,
      ...clients.map(async (client, i) => {
        await sleep(Math.random() * 2000);
        let n = 0;
        while (performance.now() < end) {
          const batch = mutationsFor(client, i, n++);
          const t0 = performance.now();
          try {
            const out = await client.api.push(batch);
            samples.push({ kind: 'push', ms: performance.now() - t0, at: t0 });
            for (const r of out.results) {
              if (r.status !== 'applied') errors.push(`push rejected: ${JSON.stringify(r)}`);
              else if (t0 >= started) applied++;
            }
            await pullToEnd(client, samples);
          } catch (error) {
            errors.push(error instanceof Error ? error.message : String(error));
          }
          await sleep(1000 + Math.random() * 2000);
        }
      }),
    ]);
    const elapsed = (performance.now() - started) / 1000;
    const measured = samples.filter((s) => s.at >= started);
    // BENCH_LOAD_TRACE=file: when the measured seconds started, and every measured request's
    // start (ms into them) and latency: does the tail come in bursts (a stall everyone waits out)?
    if (process.env.BENCH_LOAD_TRACE) {
      const startedAt = new Date(performance.timeOrigin + started).toISOString();
      writeFileSync(process.env.BENCH_LOAD_TRACE, JSON.stringify({ startedAt, requests: measured.map((s) => ({ ...s, at: round(s.at - started) })) }));
    }
    const cpuAfter = cpuNow();
    const loadAfter = loadavg()[0]!;
    clearInterval(rssTimer);
    const all = measured.map((s) => s.ms);
    const of = (kind: 'push' | 'pull') => measured.filter((s) => s.kind === kind).map((s) => s.ms);
    const perRequest = (key: keyof typeof cpuBefore) => round((cpuAfter[key] - cpuBefore[key]) / Math.max(1, all.length), 2);
    return {
      load_200_clients: round(percentile(all, 99)),
      load_200_clients_errors: errors.length,
      api_rss_mb: round(peakRss / 1024 / 1024),
      clients: clients.length,
      seconds: round(elapsed),
      requests: all.length,
      requests_per_s: round(all.length / elapsed),
      p50_ms: round(percentile(all, 50)),
      p95_ms: round(percentile(all, 95)),
      push_p99_ms: round(percentile(of('push'), 99)),
      pull_p99_ms: round(percentile(of('pull'), 99)),
      mutations_applied: applied,
      api_cpu_ms_per_request: perRequest('api'),
      pg_cpu_ms_per_request: perRequest('pg'),
      client_cpu_ms_per_request: perRequest('client'),
      load_average: [round(loadBefore, 2), round(loadAfter, 2)],
      first_errors: errors.slice(0, 5),
      ...(statements ? { top_statements: await topStatements(url) } : {}),
    };
  } finally {
    for (const client of clients) client.api.close();
    await Promise.all(apis.map((api) => api.dispose()));
    await postgres.dispose();
    rmSync(builtDir, { recursive: true, force: true });
  }
}

/** What one sync round pushes: a new customer with a contact, or a note on one of its customers. */
function mutationsFor(client: Client, i: number, n: number): MutationInput[] {
  const own = client.customers[n % Math.max(1, client.customers.length)];
  if (own && n % 3 !== 0) return [m.createNote(own, `电话跟进 call ${i}-${n}: 报价已发送`)];
  const customer = m.createCustomer(`客户 ${i}-${n} 有限公司`, { emailDomains: [`c${i}x${n}.example`] });
  client.customers.push(customer.payload.id);
  return [customer, m.createContact(customer.payload.id, `联系人 ${i}-${n}`, [`buyer@c${i}x${n}.example`])];
}

async function pullToEnd(client: Client, samples: Sample[]): Promise<void> {
  for (;;) {
    const t0 = performance.now();
    const page = await client.api.pull({ cursor: client.cursor, limit: 1000 });
    samples.push({ kind: 'pull', ms: performance.now() - t0, at: t0 });
    if (page.resetRequired) throw new Error('pull answered resetRequired');
    client.cursor = page.nextCursor;
    if (!page.hasMore) return;
  }
}

/**
 * BENCH_PG_LOG=DIR: PostgreSQL writes its log there (the folder must be writable by the server's
 * user), with every autovacuum and checkpoint and millisecond times, to line up with
 * BENCH_LOAD_TRACE's slow seconds.
 */
function pgLogSettings(dir: string): Record<string, string> {
  return { logging_collector: 'on', log_directory: dir, log_autovacuum_min_duration: '0', log_checkpoints: 'on', log_line_prefix: '%m ' };
}

/** scripts/build-server.mjs into `outdir` (inside the repository, so packages resolve). */
function buildServer(outdir: string): void {
  const build = spawnSync(process.execPath, ['scripts/build-server.mjs', outdir], { cwd: repoRoot, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`building the server failed:\n${build.stderr}`);
}

async function vacuumAnalyze(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('VACUUM ANALYZE');
  await client.end();
}

async function resetStatements(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  await client.query('SELECT pg_stat_statements_reset()');
  await client.end();
}

async function topStatements(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ query: string; calls: string; total: number; mean: number }>(
    `SELECT query, calls, total_exec_time AS total, mean_exec_time AS mean
       FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 25`,
  );
  await client.end();
  return rows.map((r) => ({ query: r.query.replace(/\s+/g, ' ').slice(0, 160), calls: Number(r.calls), total_ms: round(r.total), mean_ms: round(r.mean, 3) }));
}

/** VmRSS of a process from /proc (bytes), 0 once it is gone. */
function rssOf(pid: number | null): number {
  if (!pid) return 0;
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** One request: what it was, its latency, and when it started (performance.now()). */
type Sample = { kind: 'push' | 'pull'; ms: number; at: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await measureLoad();
  console.log(JSON.stringify(result, null, 2));
}

/**
 * dashboard_ms_p95: everything the dashboard page asks for when it opens on one month (the five
 * reports of issue 9, in parallel as the page sends them) for an organisation of 50,000
 * customers and 1,000,000 timeline items, as an administrator (scope 'organisation', the
 * widest), through tRPC on PostgreSQL 15; dashboard_ms_p95_pglite the same on PGlite.
 *   npm run bench:dashboard        (alone)      npm run bench   (with everything else)
 * BENCH_DASHBOARD_SCALE < 1 shrinks the organisation for a smoke run (numbers then mean nothing).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { openServices } from '../../server/open-services';
import type { Database } from '../../server/storage/database';
import type { Services } from '../../server/domain/services';
import { appRouter } from '../../server/trpc/app-router';
import { createContext } from '../../server/trpc/context';
import { createCallerFactory } from '../../server/trpc/init';
import type { ReportQuery } from '../../shared/schemas/reports';
import { startPostgres } from '../support/postgres-server';
import { seedDashboardOrg, type DashboardShape } from './dashboard-seed';
import { percentile, round } from './stats';

const RUNS = Number(process.env.BENCH_DASHBOARD_RUNS ?? 30);
const WARMUPS = 3;
const SCALE = Number(process.env.BENCH_DASHBOARD_SCALE ?? 1);
const SHAPE: DashboardShape = { customers: Math.round(50_000 * SCALE), perCustomer: 20 };
const MONTH: ReportQuery = { period: { kind: 'last-month' }, scope: 'organisation' };

export type DashboardBench = {
  dashboard_ms_p95: number;
  dashboard_ms_p50: number;
  dashboard_ms_p95_pglite: number;
  dashboard_ms_p50_pglite: number;
  /** Slowest report at p95 on PostgreSQL, to know where to look next. */
  per_report_ms_p95: Record<string, number>;
  customers: number;
  timeline_items: number;
  seed_s: { postgres: number; pglite: number };
};

type EngineRun = { p50: number; p95: number; perReport: Record<string, number>; seedS: number; timeline: number };

async function measureOn(db: Database, services: Services): Promise<EngineRun> {
  const seeded = performance.now();
  const org = await services.auth.createOrganisation({ name: 'Dashboard bench', adminEmail: 'admin@bench.example' });
  const { token } = await services.auth.signIn({ email: org.email, code: org.code, deviceName: 'bench' });
  await seedDashboardOrg(db, org.orgId, new Date(), SHAPE);
  const seedS = (performance.now() - seeded) / 1000;
  const [{ n }] = (await db.query<{ n: unknown }>('SELECT count(*) AS n FROM timeline_items WHERE org_id = $1', [org.orgId])) as [{ n: unknown }];
  const reports = createCallerFactory(appRouter)(await createContext(services, `Bearer ${token}`)).reports;
  const calls = {
    customers: () => reports.customers(MONTH),
    cadence: () => reports.cadence(MONTH),
    activity: () => reports.activity(MONTH),
    service: () => reports.service(MONTH),
    growth: () => reports.growth(MONTH),
  };
  const totals: number[] = [];
  const each: Record<string, number[]> = Object.fromEntries(Object.keys(calls).map((k) => [k, []]));
  for (let i = 0; i < WARMUPS + RUNS; i++) {
    const started = performance.now();
    await Promise.all(
      Object.entries(calls).map(async ([name, call]) => {
        const t0 = performance.now();
        await call();
        if (i >= WARMUPS) each[name]!.push(performance.now() - t0);
      }),
    );
    if (i >= WARMUPS) totals.push(performance.now() - started);
  }
  const perReport = Object.fromEntries(Object.entries(each).map(([k, v]) => [k, round(percentile(v, 95))]));
  return { p50: round(percentile(totals, 50)), p95: round(percentile(totals, 95)), perReport, seedS: round(seedS), timeline: Number(n) };
}

export async function measureDashboard(): Promise<DashboardBench> {
  const pg = await startPostgres({ shared_buffers: '512MB', work_mem: '32MB' });
  let onPg: EngineRun;
  try {
    const { db, services } = await openServices({ databaseUrl: await pg.createDatabase('crm_dashboard') });
    try {
      onPg = await measureOn(db, services);
      console.error(`[dashboard] PostgreSQL: ${JSON.stringify(onPg)}`);
    } finally {
      await db.close();
    }
  } finally {
    await pg.dispose();
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'inbox-crm-dashboard-bench-'));
  let onPglite: EngineRun;
  try {
    const { db, services } = await openServices({ dataDir });
    try {
      onPglite = await measureOn(db, services);
    } finally {
      await db.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  return {
    dashboard_ms_p95: onPg.p95,
    dashboard_ms_p50: onPg.p50,
    dashboard_ms_p95_pglite: onPglite.p95,
    dashboard_ms_p50_pglite: onPglite.p50,
    per_report_ms_p95: onPg.perReport,
    customers: SHAPE.customers,
    timeline_items: onPg.timeline,
    seed_s: { postgres: onPg.seedS, pglite: onPglite.seedS },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  measureDashboard()
    .then((result) => console.log(JSON.stringify(result, null, 2)))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}

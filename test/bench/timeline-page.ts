/**
 * timeline_page_ms_p99 (issue 8): one customer with 10,000 timeline items in an organisation of
 * 1,000,000, on a PostgreSQL 15 started for the run. Timed as the sidebar runs it: `timeline.page`
 * over HTTP on loopback against one API process (token check, access rule, SQL, JSON), first
 * pages and every deeper page of the big customer, 50 items a page. Also reported: the same pages
 * through the service function alone, a near-empty request (auth.me) as the HTTP floor, and the
 * plans of the first and the deepest page (EXPLAIN ANALYZE of the very SQL the repository sends).
 * The 1,000,000 rows are seeded by SQL in one statement (generate_series), not through the API:
 * seeding is not what is measured. The big customer's rows are spread over the whole heap (every
 * 100th row), as years of mail would be.
 *   npm run bench:timeline   (alone; BENCH_TIMELINE_ITEMS to shrink)   npm run bench   (with the rest)
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { v7 as uuidv7 } from 'uuid';
import { openServices } from '../../server/open-services';
import type { Database, Queryable } from '../../server/storage/database';
import { timelinePageRepository } from '../../server/storage/repositories/timeline-page';
import { signInApi } from '../support/api-client';
import { startPostgres } from '../support/postgres-server';
import { ServerProcess } from '../support/server-process';
import { percentile, round } from './stats';

export type TimelinePageBench = {
  timeline_page_ms_p99: number;
  timeline_page_ms_p50: number;
  first_page_ms_p50: number;
  first_page_ms_p99: number;
  deep_page_ms_p50: number;
  deep_page_ms_p99: number;
  service_ms_p50: number;
  service_ms_p99: number;
  http_floor_ms_p50: number;
  http_floor_ms_p99: number;
  requests: number;
  items_in_org: number;
  items_of_customer: number;
  seed_s: number;
  first_plan: string;
  deepest_plan: string;
};

const PAGE = 50;
const FIRST_PAGE_SAMPLES = 300;
/** Walks through all of the big customer's pages this many times. */
const WALKS = 3;

export async function measureTimelinePage(total = Number(process.env.BENCH_TIMELINE_ITEMS ?? 1_000_000)): Promise<TimelinePageBench> {
  const bigCount = Math.floor(total / 100);
  const pg = await startPostgres();
  let api: ServerProcess | null = null;
  try {
    const url = await pg.createDatabase('crm_timeline');
    const { db, services } = await openServices({ databaseUrl: url });
    const org = await services.auth.createOrganisation({ name: '时间线 Timeline bench', adminEmail: 'admin@timeline.example' });
    const rep = await services.auth.addUser(org.orgId, { email: 'rep@timeline.example', displayName: '销售 Rep', role: 'sales_rep' });
    const bigCustomer = uuidv7();
    const seedStarted = performance.now();
    await seed(db, { orgId: org.orgId, ownerId: rep.userId, bigCustomer, total });
    const seed_s = round((performance.now() - seedStarted) / 1000, 1);

    api = await ServerProcess.start({ env: { DATABASE_URL: url, CRM_ROLE: 'api', CRM_TOKEN_KEY: randomBytes(32).toString('base64'), CRM_LOG_LEVEL: 'warn' } });
    const { client, token } = await signInApi(api.url, 'rep@timeline.example', rep.code);
    const timed = async (cursor: string | null) => {
      const started = performance.now();
      const page = await client.timeline.page.query({ customerId: bigCustomer, cursor, limit: PAGE });
      return { ms: performance.now() - started, page };
    };

    for (let i = 0; i < 20; i++) await timed(null);
    const first: number[] = [];
    for (let i = 0; i < FIRST_PAGE_SAMPLES; i++) first.push((await timed(null)).ms);
    const deep: number[] = [];
    let seen = 0;
    let deepestCursor: string | null = null;
    for (let walk = 0; walk < WALKS; walk++) {
      let cursor: string | null = (await timed(null)).page.nextCursor;
      seen = PAGE;
      while (cursor !== null) {
        deepestCursor = cursor;
        const { ms, page } = await timed(cursor);
        deep.push(ms);
        seen += page.items.length;
        cursor = page.nextCursor;
      }
    }
    if (seen !== bigCount) throw new Error(`paged ${seen} items of the big customer, expected ${bigCount}`);

    // The same pages through the service function the router calls (no HTTP, no token check):
    // what the database and the access rule cost, against what a request costs.
    const user = await services.auth.authenticate(token);
    if (!user) throw new Error('the bench token does not authenticate');
    const direct: number[] = [];
    for (let walk = 0; walk < WALKS; walk++) {
      let cursor: string | null = null;
      do {
        const started = performance.now();
        cursor = (await services.timeline.page(user, { customerId: bigCustomer, cursor, limit: PAGE })).nextCursor;
        direct.push(performance.now() - started);
      } while (cursor !== null);
    }
    // A request that does next to nothing (auth.me): the HTTP and token floor on this machine now.
    const floor: number[] = [];
    for (let i = 0; i < FIRST_PAGE_SAMPLES; i++) {
      const started = performance.now();
      await client.auth.me.query();
      floor.push(performance.now() - started);
    }
    const first_plan = await planOf(db, org.orgId, rep.userId, bigCustomer, null);
    const deepest_plan = await planOf(db, org.orgId, rep.userId, bigCustomer, deepestCursor);
    await db.close();
    const all = [...first, ...deep];
    return {
      timeline_page_ms_p99: round(percentile(all, 99), 2),
      timeline_page_ms_p50: round(percentile(all, 50), 2),
      first_page_ms_p50: round(percentile(first, 50), 2),
      first_page_ms_p99: round(percentile(first, 99), 2),
      deep_page_ms_p50: round(percentile(deep, 50), 2),
      deep_page_ms_p99: round(percentile(deep, 99), 2),
      service_ms_p50: round(percentile(direct, 50), 2),
      service_ms_p99: round(percentile(direct, 99), 2),
      http_floor_ms_p50: round(percentile(floor, 50), 2),
      http_floor_ms_p99: round(percentile(floor, 99), 2),
      requests: all.length,
      items_in_org: total,
      items_of_customer: bigCount,
      seed_s,
      first_plan,
      deepest_plan,
    };
  } finally {
    await api?.dispose();
    await pg.dispose();
  }
}

/**
 * 10,000 customers (one of them big) and `total` timeline items in one statement list. Audit
 * triggers and foreign-key checks are off for this session only (session_replication_role):
 * the seed is not a user's doing and would otherwise write a million audit rows.
 */
export async function seed(db: Database, s: { orgId: string; ownerId: string; bigCustomer: string; total: number }): Promise<void> {
  const others = 9_999;
  const lit = (text: string) => `'${text.replace(/'/g, "''")}'`;
  await db.exec(`
    SET session_replication_role = replica;
    INSERT INTO customers (id, org_id, name, owner_user_id)
      SELECT md5('customer ' || g)::uuid, ${lit(s.orgId)}, '客户 Customer ' || g, ${lit(s.ownerId)} FROM generate_series(1, ${others}) g;
    INSERT INTO customers (id, org_id, name, owner_user_id) VALUES (${lit(s.bigCustomer)}, ${lit(s.orgId)}, '宝钢股份 Big Co', ${lit(s.ownerId)});
    INSERT INTO timeline_items (id, org_id, customer_id, kind, occurred_at, author_user_id, summary)
      SELECT gen_random_uuid(), ${lit(s.orgId)},
             CASE WHEN g % 100 = 0 THEN ${lit(s.bigCustomer)}::uuid ELSE md5('customer ' || (1 + g % ${others}))::uuid END,
             (ARRAY['email', 'call', 'note', 'meeting', 'visit'])[1 + g % 5],
             -- Three items share each hour: pages must cut through ties.
             timestamptz '2026-12-01 00:00:00+00' - ((g / 300) * interval '1 hour'),
             ${lit(s.ownerId)}, '事项 item ' || g
        FROM generate_series(1, ${s.total}) g;
    RESET session_replication_role;
    ANALYZE customers;
    ANALYZE timeline_items;
  `);
}

/** EXPLAIN ANALYZE of exactly what the repository sends for one page. */
export async function planOf(db: Queryable, orgId: string, viewerId: string, customerId: string, cursor: string | null): Promise<string> {
  const after = cursor ? (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { at: string; id: string }) : null;
  const lines: string[] = [];
  const explaining: Queryable = {
    async query<T>(text: string, params?: unknown[]): Promise<T[]> {
      const rows = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, params);
      lines.push(...rows.map((r) => r['QUERY PLAN']));
      return [];
    },
  };
  await timelinePageRepository(explaining).page(orgId, customerId, after, { viewerId, kinds: null, othersKinds: null }, PAGE + 1);
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  measureTimelinePage()
    .then(({ first_plan, deepest_plan, ...figures }) => {
      console.log(`first page:\n${first_plan}\n\ndeepest page:\n${deepest_plan}\n`);
      console.log(JSON.stringify(figures, null, 2));
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}

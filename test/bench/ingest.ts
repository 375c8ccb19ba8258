/**
 * Ingestion figures (issue 5), through the real job body (runDueChannels) on a PGlite data
 * folder, against a fake Google in another process, with the real @googleapis/gmail client:
 *   ingest_msgs_per_s     messages imported and linked per second, zero-latency fake, no quota
 *   ingest_cpu_ms_per_msg this process's CPU (user + system) per message in that run
 *   ingest_quota_use      units used / (250 units/s × seconds) against a fake enforcing 250/user/s
 *   npm run bench:ingest   (alone)        npm run bench   (with everything else)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { v7 as uuidv7 } from 'uuid';
import { connectDemoAccount, signInForSeeding } from '../../demo/seed-demo';
import { ingestionConfigFromEnv } from '../../server/ingestion/ingestion-config';
import { createIngestionDeps } from '../../server/ingestion/ingestion-deps';
import { openServices } from '../../server/open-services';
import { mutationSchema } from '../../shared/schemas/sync';
import { fakeProviderEnv } from '../fakes/provider-config';
import { repoRoot } from '../support/paths';
import { BENCH_CUSTOMERS, BENCH_MAILBOX, benchDomain } from './ingest-mailbox';
import { round } from './stats';

const TSX = path.join(repoRoot, 'node_modules/.bin/tsx');

export type IngestBench = {
  ingest_msgs_per_s: number;
  ingest_cpu_ms_per_msg: number;
  ingest_quota_use: number;
  messages: number;
  seconds: number;
  quota_messages: number;
  quota_seconds: number;
  quota_units_used: number;
};

async function startFakeProcess(messages: number, unitsPerSecond: number): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [TSX, 'test/fakes/serve-fake.ts', String(messages), String(unitsPerSecond)], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the fake exited (${code})`)));
  });
  return { url: (JSON.parse(line) as { url: string }).url, child };
}

/** One import of the whole mailbox: {messages linked, seconds, cpu ms}. */
async function importOnce(url: string, clientUnitsPerSecond: number) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'inbox-crm-ingest-bench-'));
  const config = ingestionConfigFromEnv({ ...fakeProviderEnv({ google: url }), CRM_GMAIL_UNITS_PER_SECOND: String(clientUnitsPerSecond), CRM_INGEST_PAGES_PER_RUN: '100000' });
  const { db, services } = await openServices({ dataDir }, { ingestion: createIngestionDeps({ config, publicUrl: 'http://127.0.0.1:9' }) });
  try {
    const org = await services.auth.createOrganisation({ name: 'Ingest bench', adminEmail: BENCH_MAILBOX });
    const { user: admin } = await signInForSeeding(services, org.email, org.code);
    const mutations = Array.from({ length: BENCH_CUSTOMERS }, (_, i) =>
      mutationSchema.parse({ id: uuidv7(), baseVersion: null, kind: 'customer.create', payload: { id: uuidv7(), name: `Customer ${i}`, emailDomains: [benchDomain(i)] } }),
    );
    await services.sync.push(admin, mutations);
    await connectDemoAccount(services, admin, 'google');
    const cpu = process.cpuUsage();
    const started = performance.now();
    const summary = await services.ingestion.runDue({ now: new Date(), signal: new AbortController().signal, budgetMs: 30 * 60_000 });
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    return { messages: summary.linked, seconds, cpuMs: (used.user + used.system) / 1000 };
  } finally {
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function measureIngest(scale = 1): Promise<IngestBench> {
  const total = Math.max(200, Math.round(5_000 * scale));
  const fast = await startFakeProcess(total, 0);
  let speed;
  try {
    speed = await importOnce(fast.url, 1_000_000);
  } finally {
    fast.child.kill('SIGTERM');
  }
  // Long enough (about 40 s) that the start (profile, first list) and the last page's store weigh little.
  const quotaMessages = Math.max(200, Math.round(2_000 * scale));
  const limited = await startFakeProcess(quotaMessages, 250);
  let quota;
  let units = 0;
  try {
    quota = await importOnce(limited.url, 250);
    const stats = (await (await fetch(`${limited.url}/__fake/stats`)).json()) as { unitsUsed: Record<string, number> };
    units = stats.unitsUsed[BENCH_MAILBOX] ?? 0;
  } finally {
    limited.child.kill('SIGTERM');
  }
  // The OAuth connection and the profile call happen before the timed run; only units spent
  // during it count (getProfile is 1 unit, the grant's token calls are not Gmail quota).
  return {
    ingest_msgs_per_s: round(speed.messages / speed.seconds, 0),
    ingest_cpu_ms_per_msg: round(speed.cpuMs / speed.messages, 3),
    ingest_quota_use: round(units / (250 * quota.seconds), 3),
    messages: speed.messages,
    seconds: round(speed.seconds, 2),
    quota_messages: quota.messages,
    quota_seconds: round(quota.seconds, 2),
    quota_units_used: units,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await measureIngest(Number(process.env.BENCH_SCALE ?? 1));
  console.log(JSON.stringify(result, null, 2));
}

import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { createLogger } from '../../server/observability/logger';
import { startServer, type RunningServer } from '../../server/start-server';
import { openPostgres } from '../../server/storage/postgres-database';
import { newId } from './support/ids';

const postgresUrl = inject('postgresUrl');

/** A pino destination that keeps every line, parsed. */
function captured() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger({ role: 'api', level: 'info', destination: stream }) };
}

// Its own PostgreSQL database, so the outage at the end hurts no other suite.
describe.skipIf(!postgresUrl)('health, metrics and request logs', () => {
  const name = `crm_health_${randomBytes(4).toString('hex')}`;
  const url = Object.assign(new URL(postgresUrl ?? 'postgres://x/y'), { pathname: `/${name}` }).toString();
  const admin = async (sql: string) => {
    const db = openPostgres(postgresUrl!);
    await db.query(sql).finally(() => db.close());
  };
  let server: RunningServer | null = null;
  beforeAll(() => admin(`CREATE DATABASE ${name}`));
  afterEach(async () => {
    await server?.close();
    server = null;
    delete process.env.CRM_METRICS_TOKEN;
  });
  afterAll(() => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));

  it('liveness, readiness, metrics with queue depth and sync lag; every request logged as JSON with its request id', async () => {
    const { lines, logger } = captured();
    server = await startServer({ port: 0, host: '127.0.0.1', databaseUrl: url, role: 'api', logger });
    expect(await (await fetch(`${server.url}/health/live`)).json()).toEqual({ ok: true, role: 'api' });
    expect((await fetch(`${server.url}/health/ready`)).status).toBe(200);

    // A connected mailbox with one channel due and never synced, one synced an hour ago.
    const db = openPostgres(url);
    const [org] = await db.query<{ id: string; uid: string }>('SELECT o.id, u.id AS uid FROM organisations o JOIN users u ON u.org_id = o.id');
    const account = newId();
    await db.query(`INSERT INTO mail_accounts (id, org_id, user_id, provider, address, status) VALUES ($1, $2, $3, 'google', 'a@ourco.example', 'active')`, [account, org!.id, org!.uid]);
    await db.query(`INSERT INTO sync_channels (id, org_id, account_id, kind, resource, label, next_run_at) VALUES ($1, $2, $3, 'mail', 'all', 'Mail', now() - interval '30 seconds')`, [newId(), org!.id, account]);
    await db.query(
      `INSERT INTO sync_channels (id, org_id, account_id, kind, resource, label, next_run_at, last_success_at)
       VALUES ($1, $2, $3, 'calendar', 'primary', 'Calendar', now() + interval '1 minute', now() - interval '1 hour')`,
      [newId(), org!.id, account],
    );
    await db.close();

    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toContain('crm_queue_depth{queue="mail_channels"} 1');
    expect(metrics).toContain('crm_sync_channels{state="never_synced"} 1');
    const lag = Number(/^crm_sync_lag_seconds_max (\S+)$/m.exec(metrics)?.[1]);
    expect(lag).toBeGreaterThanOrEqual(3600);
    expect(lag).toBeLessThan(3700);
    expect(Number(/^crm_queue_oldest_seconds\{queue="mail_channels"\} (\S+)$/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(30);
    expect(metrics).toMatch(/^process_resident_memory_bytes\{role="api"\} \d+$/m);

    const mine = await fetch(`${server.url}/trpc/auth.me`, { headers: { 'X-Request-Id': 'lb-7f3a.1' } });
    expect(mine.status).toBe(401);
    expect(mine.headers.get('x-request-id')).toBe('lb-7f3a.1');
    const hostile = await fetch(`${server.url}/trpc/auth.me`, { headers: { 'X-Request-Id': '<script>alert(1)</script>' } });
    const replaced = hostile.headers.get('x-request-id')!;
    expect(replaced).toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(() => lines.filter((l) => l.msg === 'request').length).toBe(2);
    expect(lines.find((l) => l.reqId === 'lb-7f3a.1')).toMatchObject({ level: 30, role: 'api', method: 'GET', path: '/trpc/auth.me', status: 401, ms: expect.any(Number) });
    expect(lines.some((l) => l.reqId === replaced)).toBe(true);
    // Health probes are not logged at info: they would drown the log.
    expect(lines.some((l) => String(l.path).startsWith('/health') || l.path === '/metrics')).toBe(false);

    // A client gone before the answer (half a body, then the connection dropped; a service worker
    // stopped mid-push) is logged too, marked aborted.
    if (!server.bootstrap.created) throw new Error('expected the first start of an empty database');
    const signIn = await fetch(`${server.url}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: server.bootstrap.email, code: server.bootstrap.code, deviceName: 'log test' }),
    });
    const { token } = ((await signIn.json()) as { result: { data: { token: string } } }).result.data;
    await new Promise<void>((resolve) => {
      const headers = { 'content-type': 'application/json', 'content-length': '1000', 'x-request-id': 'gone-1', authorization: `Bearer ${token}` };
      const request = httpRequest(`${server!.url}/trpc/sync.push`, { method: 'POST', headers });
      request.on('error', () => undefined);
      request.on('close', () => resolve());
      request.write('{"mutations":[');
      setTimeout(() => request.destroy(), 100);
    });
    await expect.poll(() => lines.find((l) => l.reqId === 'gone-1')).toMatchObject({ path: '/trpc/sync.push', aborted: true, ms: expect.any(Number) });
  });

  it('metrics need the bearer token once CRM_METRICS_TOKEN is set; readiness fails while the database is gone', async () => {
    process.env.CRM_METRICS_TOKEN = 'scrape-secret-1234';
    server = await startServer({ port: 0, host: '127.0.0.1', databaseUrl: url, role: 'worker', jobs: [], logger: captured().logger });
    expect((await fetch(`${server.url}/metrics`)).status).toBe(403);
    expect((await fetch(`${server.url}/metrics`, { headers: { Authorization: 'Bearer wrong-secret-1234' } })).status).toBe(403);
    expect((await fetch(`${server.url}/metrics`, { headers: { Authorization: 'Bearer scrape-secret-1234' } })).status).toBe(200);

    await admin(`DROP DATABASE ${name} WITH (FORCE)`);
    const ready = await fetch(`${server.url}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ ok: false, reason: 'database unreachable' });
    expect((await fetch(`${server.url}/health/live`)).status).toBe(200);
  });
});

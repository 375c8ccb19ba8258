import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Job } from '../../server/jobs/job';
import { startServer, type RunningServer } from '../../server/start-server';
import { serverRoleFrom } from '../../server/server-role';
import { openPostgres } from '../../server/storage/postgres-database';

const postgresUrl = inject('postgresUrl');

describe('server roles', () => {
  it('reads --role, --role=…, then CRM_ROLE, default all; anything else is refused', () => {
    expect(serverRoleFrom(['--role', 'worker'], { CRM_ROLE: 'api' })).toBe('worker');
    expect(serverRoleFrom(['--role=api'], {})).toBe('api');
    expect(serverRoleFrom([], { CRM_ROLE: 'worker' })).toBe('worker');
    expect(serverRoleFrom([], {})).toBe('all');
    expect(() => serverRoleFrom(['--role', 'cron'], {})).toThrow('unknown server role "cron": use one of all, api, worker');
  });

  // Two processes on one database need a real server: PGlite belongs to one process.
  describe.skipIf(!postgresUrl)('an API and a worker process on one PostgreSQL', () => {
    const running: RunningServer[] = [];
    const name = `crm_roles_${randomBytes(4).toString('hex')}`;
    const url = () => Object.assign(new URL(postgresUrl!), { pathname: `/${name}` }).toString();
    const admin = async (sql: string) => {
      const db = openPostgres(postgresUrl!);
      await db.query(sql).finally(() => db.close());
    };
    beforeAll(() => admin(`CREATE DATABASE ${name}`));
    afterAll(() => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    afterEach(async () => {
      await Promise.all(running.splice(0).map((s) => s.close()));
    });

    it('the API serves tRPC and runs no jobs; the worker runs the jobs and answers health only', async () => {
      let runs = 0;
      const job: Job = { name: 'count-runs', everyMs: 60_000, run: async () => void runs++ };
      const common = { port: 0, host: '127.0.0.1', databaseUrl: url(), jobs: [job] };
      const api = await startServer({ ...common, role: 'api' });
      running.push(api);
      const worker = await startServer({ ...common, role: 'worker' });
      running.push(worker);

      expect((await fetch(`${api.url}/trpc/auth.me`)).status).toBe(401);
      expect((await fetch(`${worker.url}/trpc/auth.me`)).status).toBe(404);
      expect((await fetch(`${worker.url}/health`)).status).toBe(200);
      await expect(api.scheduler.runNow('count-runs')).rejects.toThrow('no background job named count-runs');
      await worker.scheduler.runNow('count-runs');
      expect(runs).toBe(1);
      // Only the API's first start creates the organisation.
      expect(worker.bootstrap.created).toBe(false);
    });
  });
});

import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/start-server';
import { openPostgres } from '../../server/storage/postgres-database';

const postgresUrl = inject('postgresUrl');

// Several processes on one database need a real server: PGlite belongs to one process.
describe.skipIf(!postgresUrl)('API processes starting at the same instant on an empty PostgreSQL', () => {
  const running: RunningServer[] = [];
  const databases: string[] = [];
  const admin = async (sql: string) => {
    const db = openPostgres(postgresUrl!);
    await db.query(sql).finally(() => db.close());
  };
  afterEach(async () => {
    await Promise.all(running.splice(0).map((s) => s.close()));
    for (const name of databases.splice(0)) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('migrate once and create exactly one first organisation between them', async () => {
    // A few rounds: each is a fresh empty database and three processes racing through migrations
    // and the first-start check (without the lock, two of them regularly both saw "no organisation").
    for (let round = 0; round < 3; round++) {
      const name = `crm_first_${randomBytes(4).toString('hex')}`;
      databases.push(name);
      await admin(`CREATE DATABASE ${name}`);
      const databaseUrl = Object.assign(new URL(postgresUrl!), { pathname: `/${name}` }).toString();
      const starts = await Promise.all(
        [1, 2, 3].map(() => startServer({ port: 0, host: '127.0.0.1', databaseUrl, role: 'api', orgName: '第一家公司', adminEmail: 'owner@first.example' })),
      );
      running.push(...starts);
      expect(starts.filter((s) => s.bootstrap.created)).toHaveLength(1);
      const db = openPostgres(databaseUrl);
      try {
        expect(await db.query('SELECT name FROM organisations')).toEqual([{ name: '第一家公司' }]);
        expect(await db.query('SELECT email, role FROM users')).toEqual([{ email: 'owner@first.example', role: 'admin' }]);
      } finally {
        await db.close();
      }
      await Promise.all(running.splice(0).map((s) => s.close()));
    }
  });
});

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A database on a throwaway PostgreSQL 15 server, or null when PostgreSQL is not installed. */
    postgresUrl: string | null;
    postgresSkipReason: string | null;
  }
}

const BIN = '/usr/lib/postgresql/15/bin';

/**
 * Starts a private PostgreSQL for the integration project so every server test also runs on a
 * real server (PGlite is PG 18; production may be PG 15). initdb refuses to run as root, so the
 * cluster belongs to the postgres user.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(`${BIN}/initdb`)) {
    project.provide('postgresUrl', null);
    project.provide('postgresSkipReason', `PostgreSQL 15 is not installed (${BIN}/initdb missing)`);
    return;
  }
  const root = mkdtempSync(join(tmpdir(), 'crm-pg-'));
  const dataDir = join(root, 'data');
  const socketDir = join(root, 'sock');
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) =>
    asRoot ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args]) : spawnSync(cmd, args);
  if (asRoot) {
    const uid = Number(spawnSync('id', ['-u', 'postgres']).stdout.toString().trim());
    const gid = Number(spawnSync('id', ['-g', 'postgres']).stdout.toString().trim());
    chownSync(root, uid, gid);
  }
  run('mkdir', ['-p', socketDir]);
  const init = run(`${BIN}/initdb`, ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr.toString()}`);

  const port = await freePort();
  const args = ['-D', dataDir, '-p', String(port), '-k', socketDir, '-h', '127.0.0.1', '-c', 'fsync=off'];
  const postgres: ChildProcess = asRoot
    ? spawn('runuser', ['-u', 'postgres', '--', `${BIN}/postgres`, ...args], { stdio: 'ignore' })
    : spawn(`${BIN}/postgres`, args, { stdio: 'ignore' });
  await waitForReady(port);
  const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
  await admin.connect();
  await admin.query('CREATE DATABASE crm_test');
  await admin.end();

  project.provide('postgresUrl', `postgres://postgres@127.0.0.1:${port}/crm_test`);
  project.provide('postgresSkipReason', null);

  return async () => {
    run(`${BIN}/pg_ctl`, ['-D', dataDir, '-m', 'immediate', 'stop']);
    await new Promise((resolve) => (postgres.exitCode !== null ? resolve(null) : postgres.once('exit', resolve)));
    rmSync(root, { recursive: true, force: true });
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForReady(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const ready = spawnSync(`${BIN}/pg_isready`, ['-h', '127.0.0.1', '-p', String(port)]);
    if (ready.status === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('PostgreSQL did not start within 10 s');
}

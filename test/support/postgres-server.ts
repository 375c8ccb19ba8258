import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const BIN = '/usr/lib/postgresql/15/bin';

export const postgresInstalled = () => existsSync(`${BIN}/initdb`);

export type PostgresServer = {
  port: number;
  /** postgres://postgres@127.0.0.1:<port>/<database> */
  url(database: string): string;
  /** The same database over the server's Unix-domain socket (a server on the same host). */
  socketUrl(database: string): string;
  createDatabase(name: string): Promise<string>;
  /** Immediate shutdown (like a crash) or fast; the data folder stays. */
  stop(mode?: 'immediate' | 'fast'): Promise<void>;
  /** Starts again on the same port and data folder. */
  start(): Promise<void>;
  /** Stops and deletes the data folder. */
  dispose(): Promise<void>;
  /** The postmaster's pid (from postmaster.pid), parent of every backend; null when stopped. */
  postmasterPid(): number | null;
};

/**
 * A throwaway PostgreSQL 15 on a loopback port (integration suites, load bench, fault suites).
 * initdb refuses to run as root, so the cluster belongs to the postgres user then. `settings`
 * are extra `-c name=value` server settings.
 */
export async function startPostgres(settings: Record<string, string> = {}): Promise<PostgresServer> {
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
  const extra = Object.entries({ fsync: 'off', ...settings }).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
  const args = ['-D', dataDir, '-p', String(port), '-k', socketDir, '-h', '127.0.0.1', ...extra];
  let child: ChildProcess | null = null;
  const start = async () => {
    child = asRoot
      ? spawn('runuser', ['-u', 'postgres', '--', `${BIN}/postgres`, ...args], { stdio: 'ignore' })
      : spawn(`${BIN}/postgres`, args, { stdio: 'ignore' });
    await waitForReady(port);
  };
  const stop = async (mode: 'immediate' | 'fast' = 'immediate') => {
    const running = child as ChildProcess | null;
    if (!running) return;
    run(`${BIN}/pg_ctl`, ['-D', dataDir, '-m', mode, 'stop']);
    await new Promise((resolve) => (running.exitCode !== null ? resolve(null) : running.once('exit', resolve)));
    child = null;
  };
  await start();
  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    socketUrl: (database) => `postgres://postgres@/${database}?host=${encodeURIComponent(socketDir)}&port=${port}`,
    async createDatabase(name) {
      const admin = new pg.Client({ connectionString: url('postgres') });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      return url(name);
    },
    stop,
    start,
    postmasterPid() {
      try {
        return Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]) || null;
      } catch {
        return null;
      }
    },
    async dispose() {
      await stop();
      rmSync(root, { recursive: true, force: true });
    },
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

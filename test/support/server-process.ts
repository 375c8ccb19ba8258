import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { makeTempDir, repoRoot } from './paths';

const TSX = path.join(repoRoot, 'node_modules/.bin/tsx');
const START_TIMEOUT = 60_000;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The last line server/main.ts prints on every start. */
const START_BANNER_END = 'open its options page';

export interface AdminSignIn {
  email: string;
  code: string;
}

/**
 * What server/main.ts prints on the first start of an empty data dir: the admin's address and a
 * one-time sign-in code. Kept in one place so a format change is a one-line fix here.
 */
export function parseAdminSignIn(output: string): AdminSignIn | null {
  // server/main.ts: "  Admin email:         admin@example.com" and
  // "  One-time sign-in code (valid 24 hours, single use): ABCD…"
  const email = /Admin email:\s*(\S+@\S+)/i.exec(output)?.[1];
  const code = /sign-in code[^\n:]*:\s*([A-Za-z0-9-]{8,64})/i.exec(output)?.[1];
  return code && email ? { email, code } : null;
}

/**
 * The real server as a child process (`tsx server/main.ts`) on a loopback port and a temp data
 * dir, stoppable and restartable on the same port + data dir (offline scenarios).
 */
export class ServerProcess {
  private child: ChildProcess | null = null;
  private output = '';
  /** Set from the first start's output; later starts print no code. */
  admin: AdminSignIn | null = null;

  private constructor(
    readonly port: number,
    readonly dataDir: string,
    private readonly cleanupDataDir: () => void,
    private readonly env: Record<string, string>,
    private readonly nodeArgs: string[],
    private readonly built: string | null,
  ) {}

  /**
   * `nodeArgs`: extra Node flags for the server (e.g. `--cpu-prof`, which NODE_OPTIONS refuses).
   * `built`: a folder from scripts/build-server.mjs: runs its main.mjs with plain Node, as
   * `npm start` and production do, instead of the sources through tsx.
   */
  static async start(options: { env?: Record<string, string>; nodeArgs?: string[]; built?: string } = {}): Promise<ServerProcess> {
    const data = makeTempDir('server-data');
    const server = new ServerProcess(await freePort(), data.dir, data.cleanup, options.env ?? {}, options.nodeArgs ?? [], options.built ?? null);
    try {
      await server.startProcess();
    } catch (error) {
      await server.dispose();
      throw error;
    }
    server.admin = parseAdminSignIn(server.output);
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Everything the server printed (stdout + stderr) across all starts. */
  get log(): string {
    return this.output;
  }

  get running(): boolean {
    return this.child !== null;
  }

  /** The server's own pid while it runs. */
  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  /** kill -9: no shutdown handler runs, connections and leases are left as a crash leaves them. */
  async kill9(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
    this.child = null;
    await waitForPortClosed(this.port);
  }

  private async startProcess(): Promise<void> {
    if (this.child) throw new Error('server already running');
    // `node --import tsx` rather than the tsx CLI: the pid is the server itself, so SIGKILL
    // kills the server (fault suites) and its memory is what /proc shows (load bench).
    // The built server runs as docs/deploy.md and the systemd units start it.
    const entry = this.built ? ['--enable-source-maps', path.join(this.built, 'main.mjs')] : ['--import', 'tsx', 'server/main.ts'];
    const child = spawn(process.execPath, [...this.nodeArgs, ...entry], {
      cwd: repoRoot,
      env: {
        ...withoutDatabaseUrl(),
        NODE_ENV: 'test',
        PORT: String(this.port),
        HOST: '127.0.0.1',
        CRM_DATA_DIR: this.dataDir,
        CRM_ORG_NAME: 'E2E Org',
        CRM_ADMIN_EMAIL: 'admin@e2e-org.example',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const append = (chunk: Buffer) => {
      this.output += chunk.toString('utf8');
      if (process.env.E2E_SERVER_LOG === '1') process.stderr.write(`[server:${this.port}] ${chunk}`);
    };
    child.stdout!.on('data', append);
    child.stderr!.on('data', append);
    let exited: string | null = null;
    child.once('exit', (code, signal) => {
      exited = `exit ${code ?? signal}`;
      if (this.child === child) this.child = null;
    });

    const deadline = Date.now() + START_TIMEOUT;
    for (;;) {
      if (exited) throw new Error(`server exited during start (${exited}):\n${this.output}`);
      try {
        const response = await fetch(`${this.url}/health`);
        // The server listens before it prints; the start banner (and the first start's sign-in
        // code) can reach this pipe after /health answers.
        if (response.ok && this.output.includes(START_BANNER_END)) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        await this.stop();
        throw new Error(`server did not answer GET /health within ${START_TIMEOUT} ms:\n${this.output}`);
      }
      await delay(100);
    }
  }

  /** SIGTERM and wait for the process to exit (SIGKILL after 10 s). */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const killed = await Promise.race([exited.then(() => false), delay(10_000).then(() => true)]);
    if (killed) {
      child.kill('SIGKILL');
      await exited;
    }
    this.child = null;
    // The port must be free again before a restart binds it.
    await waitForPortClosed(this.port);
  }

  /** Starts again on the same port and data dir. */
  async restart(): Promise<void> {
    await this.stop();
    await this.startProcess();
  }

  async dispose(): Promise<void> {
    await this.stop();
    this.cleanupDataDir();
  }

  /**
   * Runs the server CLI against this data dir (the server must be stopped: PGlite is single
   * process). Returns the one JSON line the command prints.
   */
  runCli<T = unknown>(args: string[]): T {
    if (this.child) throw new Error('stop the server before running the CLI on its data dir');
    return runServerCli<T>(this.dataDir, args, this.env, this.built);
  }

  /** `cli create-org` for a second organisation: {orgId, userId, email, code}. */
  createOrg(name: string, adminEmail: string): CreatedOrg {
    return this.runCli<CreatedOrg>(['create-org', '--name', name, '--admin-email', adminEmail, '--json']);
  }
}

export interface CreatedOrg {
  orgId: string;
  userId: string;
  email: string;
  code: string;
}

/** `built`: a folder from scripts/build-server.mjs, whose cli.mjs runs instead of the sources. */
export function runServerCli<T>(dataDir: string, args: string[], env: Record<string, string> = {}, built: string | null = null): T {
  const cli = built ? [path.join(built, 'cli.mjs')] : [TSX, 'server/cli.ts'];
  const result = spawnSync(process.execPath, [...cli, ...args], {
    cwd: repoRoot,
    env: { ...withoutDatabaseUrl(), NODE_ENV: 'test', CRM_DATA_DIR: dataDir, ...env },
    encoding: 'utf8',
    timeout: START_TIMEOUT,
  });
  if (result.status !== 0) {
    throw new Error(`server/cli.ts ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
  }
  const line = result.stdout
    .split('\n')
    .map((l) => l.trim())
    .reverse()
    .find((l) => l.startsWith('{'));
  if (!line) throw new Error(`server/cli.ts ${args.join(' ')} printed no JSON line:\n${result.stdout}`);
  return JSON.parse(line) as T;
}

async function waitForPortClosed(port: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    try {
      await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(500) });
    } catch {
      return;
    }
    await delay(100);
  }
  throw new Error(`port ${port} still answers after the server stopped`);
}

/** The e2e server always runs on embedded PGlite in its temp dir, whatever the caller's shell has. */
function withoutDatabaseUrl(): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  return rest;
}

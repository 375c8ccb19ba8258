import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/paths';
import { apiClient, signInApi } from '../support/api-client';
import { ServerProcess } from '../support/server-process';

/**
 * What `npm start` and production run: the server built by scripts/build-server.mjs, started with
 * plain Node (no tsx), on a fresh embedded data folder; then its admin command line.
 */
describe('the built server', () => {
  // Inside the repository, so the bundle finds node_modules as dist/server does.
  const outdir = path.join(repoRoot, 'dist', `test-build-${process.pid}`);
  let server: ServerProcess;
  beforeAll(() => {
    const build = spawnSync(process.execPath, ['scripts/build-server.mjs', outdir], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
    expect(build.status, build.stderr).toBe(0);
  });
  afterAll(async () => {
    await server?.dispose();
    rmSync(outdir, { recursive: true, force: true });
  });

  it('is our code in a few files, the packages left in node_modules, with source maps', () => {
    const files = readdirSync(outdir);
    expect(files).toEqual(expect.arrayContaining(['main.mjs', 'cli.mjs', 'import.mjs', 'main.mjs.map']));
    const code = files.filter((f) => f.endsWith('.mjs')).map((f) => readFileSync(path.join(outdir, f), 'utf8')).join('\n');
    // Packages are imported, not copied in: PGlite's loader must find its wasm beside it.
    expect(code).toMatch(/from "@electric-sql\/pglite"/);
    expect(code).not.toMatch(/from "tsx|import\("tsx/);
  });

  it('starts on an empty folder, prints the admin code, and a sign-in with it works', async () => {
    server = await ServerProcess.start({ built: outdir });
    expect(await (await fetch(`${server.url}/health/ready`)).json()).toMatchObject({ ok: true });
    const admin = server.admin!;
    // Its hint for a lost code names the built command line (a production install has no tsx).
    expect(server.log).toContain(`Stop the server and run: node ${path.relative(repoRoot, path.join(outdir, 'cli.mjs'))} issue-code --email ${admin.email}`);
    const { token } = await signInApi(server.url, admin.email, admin.code);
    expect(await apiClient(server.url, token).auth.me.query()).toMatchObject({ user: { email: admin.email, role: 'admin' }, organisation: { name: 'E2E Org' } });
  });

  it('its command line issues a fresh code on the same folder, and the server takes it after a restart', async () => {
    await server.stop();
    const issued = server.runCli<{ email: string; code: string }>(['issue-code', '--email', server.admin!.email, '--json']);
    await server.restart();
    const { token } = await signInApi(server.url, issued.email, issued.code);
    expect(await apiClient(server.url, token).auth.me.query()).toMatchObject({ user: { email: issued.email } });
    expect(existsSync(path.join(outdir, 'main.mjs'))).toBe(true);
  });
});

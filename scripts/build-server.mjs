/**
 * Builds the server for running with plain Node: `dist/server/main.mjs` (the server),
 * `cli.mjs` (organisations, users, sign-in codes) and `import.mjs` (the import command line).
 * Our TypeScript is bundled; packages stay in node_modules (`packages: 'external'`), so a
 * production install needs only the dependencies. Code splitting keeps dynamic imports lazy:
 * an API process on PostgreSQL never loads PGlite (server/storage/database.ts).
 * Why not tsx at run time: it is a development tool (a devDependency, absent after
 * `npm ci --omit=dev`), and compiling at start costs every process ~34 MB of memory.
 *   node scripts/build-server.mjs [outdir]   (default dist/server)
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const outdir = process.argv[2] ?? 'dist/server';
// Built beside the old one and swapped in at the end, so the folder is never half written: a
// process starting meanwhile (`npm run server` in two terminals) loads the old build or the
// new one whole. Deploy by building once, then starting the processes (docs/deploy.md).
const fresh = `${outdir}.building-${process.pid}`;
const old = `${outdir}.old-${process.pid}`;
await build({
  entryPoints: { main: 'server/main.ts', cli: 'server/cli.ts', import: 'server/import-cli/main.ts' },
  outdir: fresh,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
if (existsSync(outdir)) renameSync(outdir, old);
renameSync(fresh, outdir);
rmSync(old, { recursive: true, force: true });

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
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const outdir = process.argv[2] ?? 'dist/server';
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { main: 'server/main.ts', cli: 'server/cli.ts', import: 'server/import-cli/main.ts' },
  outdir,
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

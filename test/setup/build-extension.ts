import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// vitest globalSetup for the e2e project: the scenarios drive the PRODUCTION build
// (.output/chrome-mv3), so build it once per run. E2E_SKIP_BUILD=1 reuses an existing build
// (handy while iterating on a scenario); a missing build is still an error.
const root = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const extensionDir = path.join(root, '.output', 'chrome-mv3');
export const firefoxDir = path.join(root, '.output', 'firefox-mv3');

export default function setup(): void {
  // The Firefox build is checked (test/build/firefox-manifest.test.ts), not driven: e2e is Chromium.
  buildExtensions({ firefox: true });
}

/** The Chromium build (and the Firefox one if asked), unless E2E_SKIP_BUILD=1 reuses a build. */
export function buildExtensions(options: { firefox: boolean }): void {
  if (process.env.E2E_SKIP_BUILD === '1') {
    if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
      throw new Error(`E2E_SKIP_BUILD=1 but there is no build at ${extensionDir}; run \`npm run build\``);
    }
    return;
  }
  build([], extensionDir);
  if (options.firefox) build(['-b', 'firefox'], firefoxDir);
}

function build(args: string[], outDir: string): void {
  const started = Date.now();
  // `node <bin>` rather than npx: npx will not install anything here and adds a process layer.
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/.bin/wxt'), 'build', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0 || !existsSync(path.join(outDir, 'manifest.json'))) {
    throw new Error(
      `[e2e] \`wxt build ${args.join(' ')}\` failed (exit ${result.status ?? result.signal}); the e2e project cannot run.\n` +
        `--- stdout ---\n${result.stdout}\n--- stderr ---\n${result.stderr}`,
    );
  }
  console.log(`[e2e] built ${path.relative(root, outDir)} in ${Date.now() - started} ms`);
}

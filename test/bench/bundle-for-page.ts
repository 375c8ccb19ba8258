import { build } from 'esbuild';

/**
 * Product code bundled to run in a browser page (esbuild: the bundler Vite and tsx already ship),
 * for benches that measure it in place: evaluated through the DevTools protocol, so the page's
 * CSP does not stop it.
 */
export async function bundleForPage(entryFile: string): Promise<string> {
  const result = await build({
    entryPoints: [entryFile],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

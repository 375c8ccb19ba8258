import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** gzip size in KB (1024 bytes), 1 decimal; zlib's default level, as Vite's build report uses. */
export const gzipKb = (bytes: Buffer): number => Math.round((gzipSync(bytes).length / 1024) * 10) / 10;

export type SizeReport = {
  /** The largest of the per-host content scripts (the metric kept from before there were several). */
  contentScriptGzipKb: number;
  /** gzip KB of each host's content script (content-scripts/<host>.js). */
  contentScriptGzipKbByHost: Record<'gmail' | 'outlook' | 'portal', number>;
  sidebarGzipKb: number;
  contentScriptFiles: string[];
  sidebarFiles: { file: string; gzipKb: number }[];
};

/** Static imports of an ES module chunk (minified Vite output): `import{..}from"./x.js"`, `import"./y.js"`. */
function staticImports(source: string): string[] {
  const found: string[] = [];
  const re = /(?:^|[;\s}])(?:import|export)\s*(?:[\w${},*\s]+?\s*from\s*)?["']([^"']+\.(?:js|mjs|css))["']/g;
  for (let m = re.exec(source); m; m = re.exec(source)) found.push(m[1]!);
  return found;
}

const HOSTS = ['gmail', 'outlook', 'portal'] as const;

/**
 * Content scripts: content-scripts/<host>.js for each host. Sidebar: everything sidebar.html loads — its
 * <script src>, <link rel=modulepreload|stylesheet href>, and the static imports of those chunks,
 * transitively (dynamic import() is not followed: it is not needed to paint).
 */
export function measureSizes(dir: string): SizeReport {
  const outDir = path.resolve(dir);
  const csDir = path.join(outDir, 'content-scripts');
  const contentScriptFiles = readdirSync(csDir).filter((f) => f.endsWith('.js')).map((f) => path.join(csDir, f));
  const byHost = Object.fromEntries(
    HOSTS.map((host) => {
      const file = path.join(csDir, `${host}.js`);
      if (!existsSync(file)) throw new Error(`no ${host} content script in ${csDir}`);
      return [host, gzipKb(readFileSync(file))];
    }),
  ) as SizeReport['contentScriptGzipKbByHost'];
  const contentScriptGzipKb = Math.max(...Object.values(byHost));

  const html = readFileSync(path.join(outDir, 'sidebar.html'), 'utf8');
  const queue: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) queue.push(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = m[0];
    const rel = /\brel="([^"]+)"/.exec(tag)?.[1] ?? '';
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (href && /modulepreload|stylesheet/.test(rel)) queue.push(href);
  }
  const seen = new Set<string>();
  const sidebarFiles: { file: string; gzipKb: number }[] = [];
  let total = 0;
  const resolveRef = (ref: string, from: string) =>
    ref.startsWith('/') ? path.resolve(outDir, '.' + ref) : path.resolve(path.dirname(from), ref);
  const pending = queue.map((ref) => resolveRef(ref, path.join(outDir, 'sidebar.html')));
  while (pending.length > 0) {
    const file = pending.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!existsSync(file)) throw new Error(`sidebar.html references a missing file: ${file}`);
    const bytes = readFileSync(file);
    total += gzipSync(bytes).length;
    sidebarFiles.push({ file: path.relative(outDir, file), gzipKb: gzipKb(bytes) });
    if (file.endsWith('.js')) for (const ref of staticImports(bytes.toString('utf8'))) pending.push(resolveRef(ref, file));
  }
  return {
    contentScriptGzipKb,
    contentScriptGzipKbByHost: byHost,
    sidebarGzipKb: Math.round((total / 1024) * 10) / 10,
    contentScriptFiles: contentScriptFiles.map((f) => path.relative(outDir, f)),
    sidebarFiles,
  };
}

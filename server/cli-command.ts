import path from 'node:path';

/**
 * How to run the admin command line from this process, for the hints it prints: the built
 * `cli.mjs` beside a built server (a production install has no tsx), else the sources through
 * tsx (a checkout).
 */
export function cliCommand(): string {
  const entry = process.argv[1] ?? '';
  if (!entry.endsWith('.mjs')) return 'npx tsx server/cli.ts';
  const cli = path.relative(process.cwd(), path.join(path.dirname(entry), 'cli.mjs'));
  return `node ${cli}`;
}

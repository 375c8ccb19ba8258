import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const extensionDir = path.join(repoRoot, '.output', 'chrome-mv3');
export const fixturesDir = path.join(repoRoot, 'test', 'fixtures');

/** A fresh temp dir; removed by the returned cleanup (and never throws while cleaning up). */
export function makeTempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), `inbox-crm-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true, maxRetries: 3 }) };
}

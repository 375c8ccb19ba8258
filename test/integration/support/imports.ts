import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../support/paths';

/** An upload as the options page and the CLI send it. */
export const upload = (content: string | Uint8Array, fileName = 'customers.csv') => ({
  fileName,
  contentBase64: Buffer.from(content).toString('base64'),
});

export const fixture = (name: string) => upload(readFileSync(path.join(repoRoot, 'test/fixtures/import', name)), name);

/** A CSV from rows of cells, quoted where needed (the tests' files are written by hand otherwise). */
export function csv(rows: string[][]): string {
  const cell = (c: string) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return `${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** The rows of one entity in a caller's first pull (upserts only). */
export async function pulledRows(
  api: { sync: { pull(input: { cursor: null; limit: number }): Promise<{ resetRequired: boolean; changes?: unknown[] }> } },
  entity: string,
): Promise<Record<string, unknown>[]> {
  const page = await api.sync.pull({ cursor: null, limit: 1000 });
  if (page.resetRequired || !page.changes) throw new Error('a first pull never answers resetRequired');
  return (page.changes as { entity: string; op: string; row?: Record<string, unknown> }[]).flatMap((c) =>
    c.op === 'upsert' && c.entity === entity ? [c.row!] : [],
  );
}

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, type PGliteInterface, type Transaction } from '@electric-sql/pglite';
import envPaths from 'env-paths';
import type { Database, Queryable } from './database';

/** The default data folder: CRM_DATA_DIR, else the OS's per-user data dir (+ /pglite). */
export function defaultPgliteDir(dataDir?: string): string {
  const base = dataDir ?? process.env.CRM_DATA_DIR ?? envPaths('inbox-crm', { suffix: '' }).data;
  return join(base, 'pglite');
}

export async function openPglite(dataDir?: string): Promise<Database> {
  const dir = defaultPgliteDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const pg = await PGlite.create(dir);
  return wrapPglite(pg, `PGlite at ${dir}`);
}

/** Also used by tests for in-memory instances and their clones. */
export function wrapPglite(pg: PGliteInterface, description: string): Database {
  const queryable = (q: PGliteInterface | Transaction): Queryable => ({
    async query<T>(text: string, params?: unknown[]) {
      const result = await q.query<T>(text, params);
      return result.rows;
    },
  });
  return {
    ...queryable(pg),
    description,
    transaction: (fn, settings = {}) =>
      pg.transaction(async (tx) => {
        for (const [name, value] of Object.entries(settings)) await tx.query('SELECT set_config($1, $2, true)', [name, value]);
        return fn(queryable(tx));
      }),
    async exec(sql) {
      await pg.exec(sql);
    },
    close: () => pg.close(),
  };
}

import { mkdirSync } from 'node:fs';
import { PGlite, type PGliteInterface, type Transaction } from '@electric-sql/pglite';
import type { Database, Queryable } from './database';
import { defaultPgliteDir } from './pglite-dir';

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

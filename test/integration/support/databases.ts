import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import { createServices, type Services } from '../../../server/domain/services';
import type { Database } from '../../../server/storage/database';
import { migrate } from '../../../server/storage/migrate';
import { wrapPglite } from '../../../server/storage/pglite-database';
import { openPostgres } from '../../../server/storage/postgres-database';
import { createStore, type Store } from '../../../server/storage/repositories/index';

export type DatabaseKind = { name: 'pglite' | 'postgres'; skipReason: string | null };

/** Every integration suite runs once per engine: describe.each(databaseKinds). */
export const databaseKinds: DatabaseKind[] = [
  { name: 'pglite', skipReason: null },
  { name: 'postgres', skipReason: inject('postgresUrl') ? null : inject('postgresSkipReason') },
];

/** "pglite" / "postgres", or "postgres (skipped: why)" so a skip is visible in the report. */
export const kindLabel = (kind: DatabaseKind) => (kind.skipReason ? `${kind.name} (skipped: ${kind.skipReason})` : kind.name);

export type TestDatabase = {
  db: Database;
  store: Store;
  services: Services;
  /** PostgreSQL: this file's database, for a second pool standing in for another process (issue 8). */
  url: string | null;
};

/**
 * A fresh database per test. Migrated: one database per file (PGlite instance, or a PostgreSQL
 * database), migrated once and truncated before each test. clone() of a migrated PGlite took
 * ≈1 s per test on this 2-core machine against a few ms for TRUNCATE, which kept the suite
 * under its time budget. `migrated: false` (migration tests) needs a truly empty database:
 * PGlite clones an empty template, PostgreSQL drops and recreates the public schema.
 */
export function useTestDatabase(kind: DatabaseKind, options: { migrated?: boolean } = {}): () => TestDatabase {
  const migrated = options.migrated ?? true;
  let current: TestDatabase | null = null;
  let template: PGlite | null = null;
  let adminUrl: string | null = null;
  let dbName: string | null = null;
  let shared: Database | null = null;

  beforeAll(async () => {
    if (kind.skipReason) return;
    if (kind.name === 'pglite') {
      template = await PGlite.create();
      if (migrated) {
        shared = wrapPglite(template, 'PGlite (in memory)');
        await migrate(shared);
      }
      return;
    }
    adminUrl = inject('postgresUrl');
    dbName = `crm_${randomBytes(6).toString('hex')}`;
    const admin = openPostgres(adminUrl!);
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.close();
    shared = openPostgres(withDatabase(adminUrl!, dbName));
    if (migrated) await migrate(shared);
  });

  beforeEach(async () => {
    if (kind.skipReason) return;
    let db: Database;
    if (kind.name === 'pglite' && !migrated) {
      db = wrapPglite(await template!.clone(), 'PGlite clone');
    } else if (migrated) {
      db = shared!;
      await truncateAll(db);
    } else {
      await shared!.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
      db = shared!;
    }
    const store = createStore(db);
    current = { db, store, services: createServices(store), url: adminUrl && dbName ? withDatabase(adminUrl, dbName) : null };
  });

  afterEach(async () => {
    if (current && current.db !== shared) await current.db.close();
    current = null;
  });

  afterAll(async () => {
    if (shared) await shared.close();
    else await template?.close();
    if (adminUrl && dbName) {
      const admin = openPostgres(adminUrl);
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.close();
    }
  });

  return () => {
    if (!current) throw new Error('the test database exists only inside a test');
    return current;
  };
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function truncateAll(db: Database): Promise<void> {
  const tables = await db.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'`,
  );
  if (tables.length === 0) return;
  await db.exec(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} CASCADE`);
}

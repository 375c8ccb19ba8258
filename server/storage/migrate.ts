import type { Database } from './database';
import { migrations as allMigrations, type Migration } from './migrations/index';

// Any constant works; it only has to be the same in every process sharing the database.
const MIGRATION_LOCK_KEY = 7_231_004;

/**
 * Applies pending migrations in order, each in its own transaction together with its record in
 * schema_migrations. Several server processes may start at once against one PostgreSQL: the
 * advisory lock makes them take turns, and the second finds nothing left to do.
 */
export async function migrate(
  db: Database,
  options: { upTo?: number; migrations?: readonly Migration[] } = {},
): Promise<number[]> {
  const list = (options.migrations ?? allMigrations).filter((m) => m.version <= (options.upTo ?? Infinity));
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
  });
  const applied: number[] = [];
  for (const migration of list) {
    const didApply = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (done.length > 0) return false;
      // Statements one by one: the extended protocol (parameters) takes one statement at a time.
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      return true;
    });
    if (didApply) applied.push(migration.version);
  }
  return applied;
}

/**
 * Statements end at a semicolon before a line end. Our migrations hold no semicolons inside
 * strings; function bodies are dollar-quoted ($$ … $$) and kept whole.
 */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  // Alternate outside / inside $$: only the outside parts are split.
  const parts = sql.split('$$');
  let current = '';
  parts.forEach((part, i) => {
    if (i % 2 === 1) {
      current += `$$${part}$$`;
      return;
    }
    const pieces = part.split(/;\s*(?:\n|$)/);
    current += pieces[0];
    for (const piece of pieces.slice(1)) {
      statements.push(current);
      current = piece;
    }
  });
  statements.push(current);
  return statements.map((s) => s.replace(/^\s*--.*$/gm, '').trim()).filter((s) => s.length > 0);
}

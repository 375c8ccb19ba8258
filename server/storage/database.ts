/** The one thing repositories need: parameterised SQL returning plain rows. */
export type Queryable = {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
};

/**
 * A database handle that works the same over PGlite (embedded, PostgreSQL 18 in WASM) and
 * node-postgres (a real server, PostgreSQL 15+). Repositories only see `Queryable`.
 */
export type Database = Queryable & {
  /**
   * Runs `fn` in one transaction; a throw rolls it back. `settings` are transaction-local
   * (`set_config(name, value, true)`: a pooled connection never carries them into its next use).
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>, settings?: Record<string, string>): Promise<T>;
  /** Multi-statement SQL without parameters (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
  /** Where the data lives, for the start banner (never includes a password). */
  readonly description: string;
};

export type DatabaseConfig = { databaseUrl?: string | undefined; dataDir?: string | undefined };

/**
 * `DATABASE_URL=postgres://…` selects PostgreSQL; anything else is the embedded PGlite folder.
 * Only the engine in use is loaded: importing PGlite alone adds ~46 MB to a process's resident
 * memory, which an API process on PostgreSQL has no use for (api_rss_mb, docs/performance.md).
 */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.databaseUrl && /^postgres(ql)?:\/\//.test(config.databaseUrl)) {
    const { openPostgres } = await import('./postgres-database');
    return openPostgres(config.databaseUrl);
  }
  const { openPglite } = await import('./pglite-database');
  return openPglite(config.dataDir);
}

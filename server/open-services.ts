import { createServices, type Services } from './domain/services';
import type { IngestionDeps } from './ingestion/ingestion-deps';
import { openDatabase, type Database, type DatabaseConfig } from './storage/database';
import { migrate } from './storage/migrate';
import { createStore } from './storage/repositories/index';

/** Opens the configured database, brings its schema up to date and builds the services. */
export async function openServices(
  config: DatabaseConfig,
  options: { ingestion?: IngestionDeps } = {},
): Promise<{ db: Database; services: Services }> {
  const db = await openDatabase(config);
  try {
    await migrate(db);
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
  return { db, services: createServices(createStore(db), options) };
}

/** The database settings from the environment, shared by the server and the CLI. */
export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  return { databaseUrl: env.DATABASE_URL, dataDir: env.CRM_DATA_DIR };
}

import type { TestProject } from 'vitest/node';
import { postgresInstalled, startPostgres } from '../support/postgres-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A database on a throwaway PostgreSQL 15 server, or null when PostgreSQL is not installed. */
    postgresUrl: string | null;
    postgresSkipReason: string | null;
  }
}

/**
 * Starts a private PostgreSQL for the integration project so every server test also runs on a
 * real server (PGlite is PG 18; production may be PG 15).
 */
export default async function setup(project: TestProject) {
  if (!postgresInstalled()) {
    project.provide('postgresUrl', null);
    project.provide('postgresSkipReason', 'PostgreSQL 15 is not installed (/usr/lib/postgresql/15/bin/initdb missing)');
    return;
  }
  const server = await startPostgres();
  project.provide('postgresUrl', await server.createDatabase('crm_test'));
  project.provide('postgresSkipReason', null);
  return () => server.dispose();
}

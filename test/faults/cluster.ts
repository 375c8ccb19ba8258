import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { apiClient, type ApiClient } from '../support/api-client';
import { startPostgres, type PostgresServer } from '../support/postgres-server';
import { ServerProcess } from '../support/server-process';
import type { MutationInput } from '../../shared/schemas/sync';

/** PostgreSQL 15 and server processes in given roles sharing it, as production runs them. */
export async function startCluster(roles: ('api' | 'worker')[], env: Record<string, string> = {}) {
  const postgres: PostgresServer = await startPostgres();
  const databaseUrl = await postgres.createDatabase('crm_faults');
  const shared = { DATABASE_URL: databaseUrl, CRM_TOKEN_KEY: randomBytes(32).toString('base64'), CRM_LOG_LEVEL: 'warn', ...env };
  const processes: ServerProcess[] = [];
  for (const role of roles) processes.push(await ServerProcess.start({ env: { ...shared, CRM_ROLE: role } }));
  return {
    postgres,
    databaseUrl,
    tokenKey: shared.CRM_TOKEN_KEY,
    processes,
    async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows as T[];
      } finally {
        await client.end();
      }
    },
    async dispose() {
      await Promise.all(processes.map((p) => p.dispose()));
      await postgres.dispose();
    },
  };
}

/**
 * What the extension's outbox does with a batch: send it until some API process acknowledges it,
 * trying the next process after a failure (the entries stay in the outbox meanwhile). Returns
 * the failures seen on the way (status or message).
 */
export async function pushUntilAcknowledged(clients: ApiClient[], mutations: MutationInput[], start = 0): Promise<string[]> {
  const failures: string[] = [];
  for (let attempt = 0; attempt < 200; attempt++) {
    const client = clients[(start + attempt) % clients.length]!;
    try {
      const out = await client.sync.push.mutate({ mutations });
      const rejected = out.results.filter((r) => r.status !== 'applied');
      if (rejected.length) throw new Error(`rejected: ${JSON.stringify(rejected[0])}`);
      return failures;
    } catch (error) {
      failures.push(failureOf(error));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`never acknowledged: ${failures.slice(-3).join('; ')}`);
}

/** "503" / "500" for an HTTP answer, "network" when no answer came. */
export function failureOf(error: unknown): string {
  const status = (error as { data?: { httpStatus?: number } }).data?.httpStatus;
  if (status) return String(status);
  const message = error instanceof Error ? error.message : String(error);
  if (message.startsWith('rejected:')) return message;
  return 'network';
}

export async function signedInClients(urls: string[], email: string, code: string) {
  const { token } = await apiClient(urls[0]!).auth.signIn.mutate({ email, code, deviceName: 'faults' });
  return urls.map((url) => apiClient(url, token));
}

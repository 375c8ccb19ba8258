import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Database, Queryable } from './database';

/**
 * Queries with parameters run as prepared statements named after their text, so PostgreSQL
 * parses and plans each text once per connection rather than on every call (most of what the
 * API asks is a few dozen fixed texts, thousands of times). Repositories build their SQL from
 * fixed pieces, but a text made per call must not fill every connection with statements: past
 * MAX_NAMED distinct texts in this process, new ones run unnamed as before.
 */
const MAX_NAMED = 500;
const names = new Map<string, string>();
/** Off behind a pooler that cannot carry prepared statements (docs/deploy.md: PgBouncer before 1.21). */
const prepare = process.env.CRM_DB_PREPARED_STATEMENTS !== 'off';
function statementName(text: string): string | undefined {
  if (!prepare) return undefined;
  const known = names.get(text);
  if (known || names.size >= MAX_NAMED) return known;
  const name = `crm_${createHash('sha256').update(text).digest('base64url').slice(0, 24)}`;
  names.set(text, name);
  return name;
}

/**
 * How long an unused connection stays open (CRM_DB_POOL_IDLE_SECONDS, default 300). node-postgres
 * hands out the most recently returned connection first, so at a steady load most of the pool
 * sits idle; with its default of 10 s those connections closed, and the next burst of requests
 * waited for new ones: a new PostgreSQL backend with cold caches that prepares every statement
 * again. The load bench saw 200-500 ms pushes every ~30 s from this alone (docs/performance.md).
 */
function poolIdleMs(): number {
  const given = process.env.CRM_DB_POOL_IDLE_SECONDS ?? '300';
  const seconds = Number(given);
  if (!Number.isInteger(seconds) || seconds < 1) {
    throw new Error(`CRM_DB_POOL_IDLE_SECONDS=${given} is not a whole number of seconds (1 or more; default 300)`);
  }
  return seconds * 1000;
}

export function openPostgres(url: string): Database {
  // CRM_DB_POOL_MAX: connections per process; all processes together must stay under the
  // server's max_connections (docs/deploy.md).
  // TCP keep-alive: a connection idle for minutes can be dropped silently by a NAT or load
  // balancer on the way (Azure's after 4 minutes); probes find that out before a query hangs on it.
  const pool = new pg.Pool({
    connectionString: url,
    max: Number(process.env.CRM_DB_POOL_MAX ?? 10) || 10,
    idleTimeoutMillis: poolIdleMs(),
    keepAlive: true,
    keepAliveInitialDelayMillis: 60_000,
  });
  // An idle client losing its connection emits 'error' on the pool; without a listener Node
  // would crash the whole server. The next query simply gets a fresh connection.
  pool.on('error', (err) => console.error('postgres pool error:', err.message));
  const host = safeHost(url);
  const queryable = (q: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(text: string, params?: unknown[]) {
      const name = params && params.length > 0 ? statementName(text) : undefined;
      const result = await q.query(name ? { name, text, values: params } : { text, values: params });
      return result.rows as T[];
    },
  });
  /**
   * A transaction is one connection, and a connection runs one query at a time. Calls that
   * overlap (a Promise.all over repositories) are sent in call order once the previous one is
   * answered, here, rather than left to node-postgres's internal queue, which is deprecated and
   * goes in pg 9 ("client.query() when the client is already executing a query").
   */
  const oneAtATime = (client: pg.PoolClient): Queryable => {
    const plain = queryable(client);
    let previous: Promise<unknown> = Promise.resolve();
    return {
      query<T>(text: string, params?: unknown[]) {
        const result = previous.then(() => plain.query<T>(text, params));
        previous = result.catch(() => undefined);
        return result;
      },
    };
  };
  return {
    ...queryable(pool),
    description: `PostgreSQL at ${host}`,
    async transaction(fn, settings = {}) {
      const client = await pool.connect();
      // A checked-out client whose server goes away emits 'error' on itself, not on the pool;
      // unheard, it would crash the process (PostgreSQL restart, issue 8 fault suite).
      const onError = (err: Error) => console.error('postgres connection lost in a transaction:', err.message);
      client.on('error', onError);
      let broken: Error | undefined;
      // BEGIN to COMMIT/ROLLBACK through the same queue: a query fn left running cannot overlap them.
      const tx = oneAtATime(client);
      try {
        // The settings travel with BEGIN: one round trip (a simple-protocol query may hold several
        // statements but no parameters, hence the driver's literal escaping).
        const local = Object.entries(settings).map(([name, value]) => `SELECT set_config(${client.escapeLiteral(name)}, ${client.escapeLiteral(value)}, true);`);
        await tx.query(['BEGIN;', ...local].join(' '));
        const value = await fn(tx);
        await tx.query('COMMIT');
        return value;
      } catch (err) {
        await tx.query('ROLLBACK').catch((rollbackError: Error) => void (broken = rollbackError));
        throw err;
      } finally {
        client.off('error', onError);
        // A connection that could not even roll back is dropped, not returned to the pool.
        client.release(broken);
      }
    },
    async exec(sql) {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}

/** host:port/database only: the URL may carry a password. */
function safeHost(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'a PostgreSQL server';
  }
}

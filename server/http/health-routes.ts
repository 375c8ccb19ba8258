import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../storage/database';
import { migrations } from '../storage/migrations/index';
import { workStatsRepository } from '../storage/repositories/work-stats';
import { metricsText, type HttpCounters } from '../observability/metrics';

export type HealthDeps = {
  db: Queryable;
  http: HttpCounters;
  role: string;
  /** CRM_METRICS_TOKEN: /metrics wants `Authorization: Bearer <it>`; unset, loopback callers only. */
  metricsToken: string | undefined;
};

const READY_TIMEOUT_MS = 2_000;
const expectedSchema = Math.max(...migrations.map((m) => m.version));

/**
 * /health/live: the process answers (never touches the database: a database outage must not get
 * every process restarted). /health/ready: the database answers within 2 s with the schema this
 * code expects; load balancers send traffic only then. /health (the older probe) answers like live.
 * /metrics: Prometheus text (queue depth, sync lag, HTTP, memory).
 */
export function handleHealthRoutes(deps: HealthDeps, req: IncomingMessage, res: ServerResponse, url: URL): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const stats = workStatsRepository(deps.db);
  switch (url.pathname) {
    case '/health':
      json(res, 200, { ok: true });
      return true;
    case '/health/live':
      json(res, 200, { ok: true, role: deps.role });
      return true;
    case '/health/ready':
      void withTimeout(stats.schemaVersion(), READY_TIMEOUT_MS).then(
        (version) =>
          version >= expectedSchema
            ? json(res, 200, { ok: true, role: deps.role })
            : json(res, 503, { ok: false, reason: `database schema ${version}, this server needs ${expectedSchema}` }),
        () => json(res, 503, { ok: false, reason: 'database unreachable' }),
      );
      return true;
    case '/metrics':
      if (!metricsAllowed(deps, req)) {
        json(res, 403, { error: 'metrics are served to loopback callers or with the CRM_METRICS_TOKEN bearer token' });
        return true;
      }
      void withTimeout(stats.read(), READY_TIMEOUT_MS).then(
        (work) => {
          res.setHeader('Content-Type', 'text/plain; version=0.0.4; charset=utf-8');
          res.end(metricsText(work, deps.http, deps.role));
        },
        () => json(res, 503, { error: 'database unreachable' }),
      );
      return true;
  }
  return false;
}

function metricsAllowed(deps: HealthDeps, req: IncomingMessage): boolean {
  if (deps.metricsToken) {
    const given = Buffer.from(/^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '');
    const want = Buffer.from(deps.metricsToken);
    return given.length === want.length && timingSafeEqual(given, want);
  }
  const from = req.socket.remoteAddress ?? '';
  return from === '127.0.0.1' || from === '::1' || from === '::ffff:127.0.0.1';
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);
}

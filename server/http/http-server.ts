import { randomUUID } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { MAX_IMPORT_BASE64_CHARS } from '../../shared/schemas/import';
import type { Services } from '../domain/services';
import type { Logger } from '../observability/logger';
import { handleHealthRoutes, type HealthDeps } from './health-routes';
import { TRPCError } from '@trpc/server';
import { isDatabaseUnavailable } from '../storage/database-unavailable';
import { appRouter } from '../trpc/app-router';
import { DATABASE_UNAVAILABLE } from '../trpc/init';
import { bearerTokenOf, createContext } from '../trpc/context';
import { handleCors } from './cors';
import { handleOAuthRoutes } from './oauth-routes';
import { sendJoinPage } from './join-page';
import { setSecurityHeaders } from './security-headers';

const MAX_BODY_BYTES = 5 * 1024 * 1024; // clients cut push batches well below this (MAX_PUSH_BATCH_BYTES)
/**
 * A file upload for import travels base64 in JSON: MAX_IMPORT_BYTES (20 MB) is ~27 MB of text.
 * Only these two paths (unbatched) get the larger limit; a bigger file gets the schema's clear
 * "larger than 20 MB" message up to this size, and 413 beyond it.
 */
const MAX_IMPORT_BODY_BYTES = Math.ceil(MAX_IMPORT_BASE64_CHARS * 1.05) + 64 * 1024;
export const TRPC_PATH = '/trpc';
const IMPORT_UPLOAD_PATHS = new Set([`${TRPC_PATH}/imports.inspect`, `${TRPC_PATH}/imports.plan`]);

export type HttpServerOptions = {
  /** false (a worker process): health and metrics only; process managers probe it, nobody calls tRPC. */
  api: boolean;
  health: HealthDeps;
  log: Logger;
};

/** A caller's X-Request-Id is kept when it looks like an id (a proxy's); anything else gets a fresh one. */
const REQUEST_ID = /^[\w.:-]{1,64}$/;

export function createHttpServer(services: Services, options: HttpServerOptions): Server {
  const { log } = options;
  const handler = (maxBodySize: number) =>
    createHTTPHandler({
      router: appRouter,
      basePath: `${TRPC_PATH}/`,
      maxBodySize,
      createContext: ({ req, res }) =>
        createContext(services, req.headers.authorization, String(res.getHeader('X-Request-Id')), req.socket.remoteAddress ?? null, log).catch((error: unknown) => {
          // Authentication reads the database: while it is down the answer is 503, retry.
          if (isDatabaseUnavailable(error)) throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: DATABASE_UNAVAILABLE, cause: error });
          throw error;
        }),
      onError({ error, path, req }) {
        // Internal causes are already logged with the request id by the error middleware; this
        // catches what happens outside procedures (body parsing, context creation).
        if (error.code === 'INTERNAL_SERVER_ERROR' && error.message !== 'internal error') {
          log.error({ reqId: req.headers['x-request-id'], path, err: error.cause ?? error }, 'tRPC request failed');
        }
      },
    });
  const trpc = handler(MAX_BODY_BYTES);
  const trpcImport = handler(MAX_IMPORT_BODY_BYTES);

  return createServer((req, res) => {
    const started = process.hrtime.bigint();
    const given = req.headers['x-request-id'];
    const reqId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    req.headers['x-request-id'] = reqId;
    res.setHeader('X-Request-Id', reqId);
    const url = new URL(req.url ?? '/', 'http://localhost');
    // 'close', not 'finish': a client that goes away before the answer (a service worker stopped
    // mid-push) gets no 'finish', and the work its request did would leave no line at all.
    res.once('close', () => {
      const aborted = !res.writableFinished;
      if (!aborted) options.health.http.record(res.statusCode);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // The path only: a query string may carry an OAuth code or state.
      const line = {
        reqId,
        method: req.method,
        path: url.pathname,
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
        ...(aborted ? { aborted: true } : {}),
      };
      if (url.pathname.startsWith('/health') || url.pathname === '/metrics') log.debug(line, 'request');
      else log.info(line, 'request');
    });
    setSecurityHeaders(res);
    if (handleCors(req, res)) return;
    if (handleHealthRoutes(options.health, req, res, url)) return;
    if (options.api && handleOAuthRoutes(services, req, res, url)) return;
    if (options.api && url.pathname === '/join' && (req.method === 'GET' || req.method === 'HEAD')) return sendJoinPage(res);
    if (options.api && url.pathname.startsWith(`${TRPC_PATH}/`)) {
      if (!IMPORT_UPLOAD_PATHS.has(url.pathname)) return void trpc(req, res);
      // The large limit is for signed-in users only: the token is checked before a byte of the
      // body is read, so nobody can make the server buffer 27 MB without one.
      void services.auth.authenticate(bearerTokenOf(req.headers.authorization) ?? '').then(
        (user) => (user ? trpcImport(req, res) : refuseUnauthenticated(res)),
        () => refuseUnauthenticated(res),
      );
      return;
    }
    res.statusCode = 404;
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ error: 'not found' }));
  });
}

function refuseUnauthenticated(res: ServerResponse): void {
  res.statusCode = 401;
  res.setHeader('Content-Type', 'application/json');
  // The unread body is not drained: closing the connection is cheaper than receiving it.
  res.setHeader('Connection', 'close');
  res.end(JSON.stringify({ error: { message: 'sign in first', code: 'UNAUTHORIZED' } }));
}

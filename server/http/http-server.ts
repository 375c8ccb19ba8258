import { randomUUID } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { MAX_IMPORT_BASE64_CHARS } from '../../shared/schemas/import';
import type { Services } from '../domain/services';
import { appRouter } from '../trpc/app-router';
import { bearerTokenOf, createContext } from '../trpc/context';
import { handleCors } from './cors';
import { handleOAuthRoutes } from './oauth-routes';
import { sendJoinPage } from './join-page';
import { setSecurityHeaders } from './security-headers';

const MAX_BODY_BYTES = 5 * 1024 * 1024; // a full push batch (200 mutations) is far below this
/**
 * A file upload for import travels base64 in JSON: MAX_IMPORT_BYTES (20 MB) is ~27 MB of text.
 * Only these two paths (unbatched) get the larger limit; a bigger file gets the schema's clear
 * "larger than 20 MB" message up to this size, and 413 beyond it.
 */
const MAX_IMPORT_BODY_BYTES = Math.ceil(MAX_IMPORT_BASE64_CHARS * 1.05) + 64 * 1024;
export const TRPC_PATH = '/trpc';
const IMPORT_UPLOAD_PATHS = new Set([`${TRPC_PATH}/imports.inspect`, `${TRPC_PATH}/imports.plan`]);

export function createHttpServer(services: Services): Server {
  const handler = (maxBodySize: number) =>
    createHTTPHandler({
      router: appRouter,
      basePath: `${TRPC_PATH}/`,
      maxBodySize,
      createContext: ({ req }) => createContext(services, req.headers.authorization, randomUUID(), req.socket.remoteAddress ?? null),
      onError({ error, path }) {
        // Internal causes are already logged with the request id by the error middleware; this
        // catches what happens outside procedures (body parsing, context creation).
        if (error.code === 'INTERNAL_SERVER_ERROR' && error.message !== 'internal error') {
          console.error(`tRPC ${path ?? '(no path)'} failed:`, error.cause ?? error);
        }
      },
    });
  const trpc = handler(MAX_BODY_BYTES);
  const trpcImport = handler(MAX_IMPORT_BODY_BYTES);

  return createServer((req, res) => {
    setSecurityHeaders(res);
    if (handleCors(req, res)) return;
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/health' && (req.method === 'GET' || req.method === 'HEAD')) {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ ok: true }));
      return;
    }
    if (handleOAuthRoutes(services, req, res, url)) return;
    if (url.pathname === '/join' && (req.method === 'GET' || req.method === 'HEAD')) return sendJoinPage(res);
    if (url.pathname.startsWith(`${TRPC_PATH}/`)) {
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

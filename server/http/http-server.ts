import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import type { Services } from '../domain/services';
import { appRouter } from '../trpc/app-router';
import { createContext } from '../trpc/context';
import { handleCors } from './cors';
import { setSecurityHeaders } from './security-headers';

const MAX_BODY_BYTES = 5 * 1024 * 1024; // a full push batch (200 mutations) is far below this
export const TRPC_PATH = '/trpc';

export function createHttpServer(services: Services): Server {
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: `${TRPC_PATH}/`,
    maxBodySize: MAX_BODY_BYTES,
    createContext: ({ req }) => createContext(services, req.headers.authorization, randomUUID()),
    onError({ error, path }) {
      // Internal causes are already logged with the request id by the error middleware; this
      // catches what happens outside procedures (body parsing, context creation).
      if (error.code === 'INTERNAL_SERVER_ERROR' && error.message !== 'internal error') {
        console.error(`tRPC ${path ?? '(no path)'} failed:`, error.cause ?? error);
      }
    },
  });

  return createServer((req, res) => {
    setSecurityHeaders(res);
    if (handleCors(req, res)) return;
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/health' && (req.method === 'GET' || req.method === 'HEAD')) {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ ok: true }));
      return;
    }
    if (url.pathname.startsWith(`${TRPC_PATH}/`)) {
      trpc(req, res);
      return;
    }
    res.statusCode = 404;
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ error: 'not found' }));
  });
}

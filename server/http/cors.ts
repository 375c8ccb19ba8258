import type { IncomingMessage, ServerResponse } from 'node:http';

// Only the extension talks to this API. Web pages (including the mail hosts the content scripts
// run in) must not be able to call it with a user's token from their own origin.
const ALLOWED_ORIGIN = /^(chrome-extension|moz-extension):\/\/[a-z0-9-]+$/i;

/**
 * Sets CORS headers for an allowed origin. Returns true when the request was a preflight and has
 * been answered.
 */
export function handleCors(req: IncomingMessage, res: ServerResponse): boolean {
  const origin = req.headers.origin;
  const allowed = typeof origin === 'string' && ALLOWED_ORIGIN.test(origin);
  if (allowed) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
  }
  if (req.method !== 'OPTIONS') return false;
  if (allowed) {
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', 'authorization, content-type, trpc-accept, x-trpc-source');
    res.setHeader('Access-Control-Max-Age', '600');
  }
  res.statusCode = allowed ? 204 : 403;
  res.end();
  return true;
}

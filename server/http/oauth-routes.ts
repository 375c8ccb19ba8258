import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Services } from '../domain/services';
import { OAUTH_CALLBACK_PATH, OAUTH_START_PATH } from '../ingestion/oauth-flow';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(res: ServerResponse, status: number, title: string, text: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  // Static text only: nothing from the provider is ever rendered as markup.
  res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'");
  res.end(
    `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
      '<style>body{font:16px system-ui,sans-serif;max-width:36em;margin:4em auto;padding:0 1em}</style></head>' +
      `<body><h1 data-testid="oauth-title">${escapeHtml(title)}</h1><p data-testid="oauth-text">${escapeHtml(text)}</p></body></html>`,
  );
}

/** GET /oauth/start/<id> and GET /oauth/callback; true when the request was one of them. */
export function handleOAuthRoutes(services: Services, req: IncomingMessage, res: ServerResponse, url: URL): boolean {
  if (req.method !== 'GET') return false;
  const flow = services.ingestion.oauth;
  if (url.pathname.startsWith(OAUTH_START_PATH)) {
    const id = url.pathname.slice(OAUTH_START_PATH.length);
    void flow.redirectFor(id).then(
      (location) => {
        if (!location) return page(res, 400, 'Link expired', 'This connect link has expired or was already used. Start again from the options page.');
        res.statusCode = 302;
        res.setHeader('Location', location);
        res.end();
      },
      (error: unknown) => {
        console.error('[oauth] start failed:', error);
        page(res, 500, 'Something went wrong', 'The connection could not be started. Please try again.');
      },
    );
    return true;
  }
  if (url.pathname === OAUTH_CALLBACK_PATH) {
    void flow.callback(url.searchParams, AbortSignal.timeout(60_000)).then(
      (result) =>
        result.ok
          ? page(res, 200, 'Connected', `${result.address} is connected. Its mail and calendar are being imported; you can close this tab.`)
          : page(res, 400, 'Not connected', result.reason),
      (error: unknown) => {
        console.error('[oauth] callback failed:', error);
        page(res, 500, 'Something went wrong', 'The connection could not be completed. Please try again.');
      },
    );
    return true;
  }
  return false;
}

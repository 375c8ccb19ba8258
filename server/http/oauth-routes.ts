import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Services } from '../domain/services';
import { OAUTH_CALLBACK_PATH, OAUTH_START_PATH } from '../ingestion/oauth-flow';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(res: ServerResponse, status: number, title: string, text: string, form = ''): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  // Static text only: nothing from the provider is ever rendered as markup.
  // No form-action: the confirmation form's answer redirects to the provider's own origin.
  res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'");
  res.end(
    `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
      '<style>body{font:16px system-ui,sans-serif;max-width:36em;margin:4em auto;padding:0 1em}</style></head>' +
      `<body><h1 data-testid="oauth-title">${escapeHtml(title)}</h1><p data-testid="oauth-text">${escapeHtml(text)}</p>${form}</body></html>`,
  );
}

const PROVIDER_NAMES: Record<string, string> = { google: 'Google', microsoft: 'Microsoft 365' };

/**
 * GET /oauth/start/<id> (a confirmation page), POST /oauth/start/<id> (on to the provider) and
 * GET /oauth/callback; true when the request was one of them. The confirmation names the CRM
 * user the link belongs to: a link someone else sent cannot quietly connect your mailbox to
 * their CRM account (the server has no cookie session to tell who opened it).
 */
export function handleOAuthRoutes(services: Services, req: IncomingMessage, res: ServerResponse, url: URL): boolean {
  const flow = services.ingestion.oauth;
  if (url.pathname.startsWith(OAUTH_START_PATH) && req.method === 'GET') {
    const id = url.pathname.slice(OAUTH_START_PATH.length);
    void flow.pending(id).then(
      (pending) => {
        if (!pending) return page(res, 400, 'Link expired', 'This connect link has expired or was already used. Start again from the options page.');
        const provider = PROVIDER_NAMES[pending.provider] ?? pending.provider;
        page(
          res,
          200,
          `Connect ${provider}`,
          `This connects a ${provider} mailbox and calendar, read-only, to the Inbox CRM account ${pending.userEmail}. Continue only if that is you and you started this from the options page.`,
          `<form method="post" action="${OAUTH_START_PATH}${encodeURIComponent(id)}"><button type="submit" data-testid="oauth-continue">Continue to ${escapeHtml(provider)}</button></form>`,
        );
      },
      (error: unknown) => {
        console.error('[oauth] start failed:', error);
        page(res, 500, 'Something went wrong', 'The connection could not be started. Please try again.');
      },
    );
    return true;
  }
  if (url.pathname.startsWith(OAUTH_START_PATH) && req.method === 'POST') {
    const id = url.pathname.slice(OAUTH_START_PATH.length);
    req.resume();
    void flow.redirectFor(id).then(
      (location) => {
        if (!location) return page(res, 400, 'Link expired', 'This connect link has expired or was already used. Start again from the options page.');
        res.statusCode = 303;
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
  if (url.pathname === OAUTH_CALLBACK_PATH && req.method === 'GET') {
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

import { Client, HTTPMessageHandler, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import type { MicrosoftConfig } from '../../ingestion-config';
import type { MicrosoftTokens } from './microsoft-tokens';
import { toProviderError } from './to-provider-error';

/**
 * Sets the bearer token on every request and, on a 401, refreshes once and repeats the request.
 * Used instead of the client's own AuthenticationHandler, which sends tokens only to https hosts
 * it knows (provider-facts §7.3) and would silently drop them for a gateway or a fake. The
 * client's RetryHandler is left out on purpose: the ingestion's one error handler retries.
 */
class TokenMiddleware implements Middleware {
  private next: Middleware | undefined;
  constructor(private readonly tokens: MicrosoftTokens) {}
  setNext(next: Middleware): void {
    this.next = next;
  }
  async execute(context: Context): Promise<void> {
    await this.send(context);
    if (context.response?.status === 401) {
      this.tokens.invalidate();
      await this.send(context);
    }
  }
  private async send(context: Context): Promise<void> {
    const token = await this.tokens.accessToken();
    const options = (context.options ??= {});
    const headers = new Headers(options.headers as HeadersInit | undefined);
    headers.set('Authorization', `Bearer ${token}`);
    options.headers = Object.fromEntries(headers.entries());
    await this.next!.execute(context);
  }
}

export type GraphGet = (pathOrLink: string, prefer: string[], signal: AbortSignal) => Promise<Record<string, unknown>>;

/**
 * A GET on the configured Graph base URL. nextLink/deltaLink come back absolute; only their path
 * and query are kept (the token is never sent to a host named in a response) and `Prefer` is
 * sent again on every page, because the client's PageIterator would drop it (immutable ids!).
 */
export function graphGetter(config: MicrosoftConfig, tokens: MicrosoftTokens, timeoutMs: number): GraphGet {
  const auth = new TokenMiddleware(tokens);
  auth.setNext(new HTTPMessageHandler());
  const client = Client.initWithMiddleware({ middleware: auth, baseUrl: `${config.graphUrl}/`, defaultVersion: 'v1.0' });
  return async (pathOrLink, prefer, signal) => {
    const path = relativeGraphPath(pathOrLink);
    try {
      return (await client
        .api(path)
        .header('Prefer', prefer.join(', '))
        .option('signal', AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]))
        .get()) as Record<string, unknown>;
    } catch (error) {
      throw tokens.takeFailure() ?? toProviderError(error);
    }
  };
}

/** `https://graph.microsoft.com/v1.0/me/...?$skiptoken=x` → `/me/...?$skiptoken=x`. */
export function relativeGraphPath(link: string): string {
  const url = /^https?:\/\//i.test(link) ? new URL(link) : null;
  const path = url ? `${url.pathname}${url.search}` : link;
  return path.replace(/^\/(v1\.0|beta)(?=\/)/i, '');
}

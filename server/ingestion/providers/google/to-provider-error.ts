import { ProviderError, parseRetryAfter } from '../../provider-error';

type GaxiosLike = {
  status?: number;
  code?: string | number;
  message?: string;
  errors?: { reason?: string; message?: string }[];
  response?: { status?: number; data?: unknown; headers?: unknown };
};

const RATE_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'quotaExceeded', 'dailyLimitExceeded']);
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_SOCKET']);

function reasonsOf(error: GaxiosLike): string[] {
  const data = error.response?.data as { error?: { errors?: { reason?: string }[] } | string } | undefined;
  const bodyErrors = typeof data?.error === 'object' ? (data.error.errors ?? []) : [];
  return [...(error.errors ?? []), ...bodyErrors].map((e) => e.reason ?? '').filter(Boolean);
}

/** Gmail puts the retry time in the text ("User-rate limit exceeded.  Retry after 2024-…Z"). */
function retryAfterOf(error: GaxiosLike): number | null {
  const headers = error.response?.headers as { get?: (name: string) => string | null } | Record<string, string> | undefined;
  const header = typeof headers?.get === 'function' ? headers.get('retry-after') : (headers as Record<string, string> | undefined)?.['retry-after'];
  const fromHeader = parseRetryAfter(header ?? null);
  if (fromHeader !== null) return fromHeader;
  const match = /Retry after (\S+)/i.exec(error.message ?? '');
  return match ? parseRetryAfter(match[1]) : null;
}

/**
 * Gmail / Calendar / Google token errors (gaxios GaxiosError, provider-facts.md §1.7, §2.1, §7.1)
 * → the closed vocabulary. `context` says which cursor a 404/410 would invalidate.
 */
export function toProviderError(raw: unknown, context: { cursorCall?: boolean } = {}): ProviderError {
  if (raw instanceof ProviderError) return raw;
  // A request timeout (gaxios `timeout`) aborts the request; the run's own shutdown is told
  // apart by the caller, which checks its signal before deciding anything.
  if (raw instanceof Error && (raw.name === 'AbortError' || /operation was aborted/i.test(raw.message))) {
    return new ProviderError('temporary', 'request timed out');
  }
  const error = (raw ?? {}) as GaxiosLike;
  const status = error.status ?? error.response?.status;
  const message = error.message ?? String(raw);
  const reasons = reasonsOf(error);
  const data = error.response?.data as { error?: unknown } | undefined;
  if (message === 'invalid_grant' || data?.error === 'invalid_grant') {
    return new ProviderError('auth-revoked', 'Google no longer accepts this connection (token expired or revoked)');
  }
  if (status === undefined) {
    const code = typeof error.code === 'string' ? error.code : '';
    if (NETWORK_CODES.has(code) || /timeout|network|socket|fetch failed/i.test(message)) {
      return new ProviderError('temporary', `network error: ${message}`);
    }
    return new ProviderError('unknown', message);
  }
  if (status === 429 || reasons.some((r) => RATE_REASONS.has(r))) {
    return new ProviderError('rate-limited', message, retryAfterOf(error));
  }
  if (status === 410 || (status === 404 && context.cursorCall)) return new ProviderError('cursor-invalid', message);
  if (status === 400 && context.cursorCall && reasons.includes('invalidArgument')) return new ProviderError('cursor-invalid', message);
  // A 401 with a refresh token that still works is an access token the server dropped: the
  // connection drops it too, and the retry gets a fresh one (a dead grant is invalid_grant).
  if (status === 401) return new ProviderError('temporary', `access token refused: ${message}`);
  if (status === 403) return new ProviderError('insufficient-permissions', message);
  if (status === 404) return new ProviderError('not-found', message);
  if (status === 408 || status >= 500) return new ProviderError('temporary', message, retryAfterOf(error));
  return new ProviderError('unknown', `${status}: ${message}`);
}

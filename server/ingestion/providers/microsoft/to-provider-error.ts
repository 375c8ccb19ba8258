import { ProviderError, parseRetryAfter } from '../../provider-error';

type GraphErrorLike = { statusCode?: number; code?: string | null; message?: string; headers?: Headers | Record<string, string> | null; name?: string };

// provider-facts.md §5: error codes that mean the user must sign in or consent again.
const REAUTH_CODES = new Set([70000, 70008, 700082, 700084, 50173, 70043, 50076, 50079, 50078, 53003, 65001]);
const REAUTH_ERRORS = new Set(['invalid_grant', 'interaction_required', 'consent_required']);

/** A token endpoint error body (provider-facts §5) → the closed vocabulary; branch on codes, never text. */
export function tokenError(status: number, body: { error?: string; error_codes?: number[] } | null): ProviderError {
  const codes = body?.error_codes ?? [];
  if (REAUTH_ERRORS.has(body?.error ?? '') || codes.some((c) => REAUTH_CODES.has(c))) {
    return new ProviderError('auth-revoked', `Microsoft no longer accepts this connection (${body?.error ?? status})`);
  }
  if (status >= 500 || body?.error === 'temporarily_unavailable') return new ProviderError('temporary', `token endpoint: ${status}`);
  return new ProviderError('unknown', `token endpoint: ${status} ${body?.error ?? ''}`.trim());
}

/**
 * Graph errors (GraphError from @microsoft/microsoft-graph-client, provider-facts §3.5) → the
 * closed vocabulary. Codes are matched case-insensitively: Graph capitalises them in practice.
 */
export function toProviderError(raw: unknown): ProviderError {
  if (raw instanceof ProviderError) return raw;
  const error = (raw ?? {}) as GraphErrorLike;
  const status = error.statusCode ?? -1;
  const code = (error.code ?? '').toLowerCase();
  const message = error.message ?? String(raw);
  const headers = error.headers;
  const retryAfterHeader = headers instanceof Headers ? headers.get('retry-after') : (headers?.['retry-after'] ?? headers?.['Retry-After']);
  if (error.name === 'AbortError' || /operation was aborted|timed? ?out/i.test(message)) return new ProviderError('temporary', 'request timed out');
  if (status === -1 || status === 0) {
    return /fetch failed|network|socket|ECONN|EPIPE/i.test(message) ? new ProviderError('temporary', `network error: ${message}`) : new ProviderError('unknown', message);
  }
  if (status === 410 || code === 'syncstatenotfound' || code === 'resyncrequired' || code === 'syncstateinvalid') {
    return new ProviderError('cursor-invalid', message);
  }
  if (status === 429 || code === 'toomanyrequests' || code === 'applicationthrottled') {
    return new ProviderError('rate-limited', message, parseRetryAfter(retryAfterHeader ?? null));
  }
  if (status === 401) return new ProviderError('auth-revoked', message);
  if (status === 403) return new ProviderError('insufficient-permissions', message);
  if (status === 404 && /mailbox is either inactive|soft-deleted|on-premise/i.test(message)) return new ProviderError('insufficient-permissions', message);
  if (status === 404) return new ProviderError('not-found', message);
  if (status === 408 || status >= 500) return new ProviderError('temporary', message, parseRetryAfter(retryAfterHeader ?? null));
  return new ProviderError('unknown', `${status}: ${message}`);
}

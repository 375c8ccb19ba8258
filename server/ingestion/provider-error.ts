/**
 * The closed vocabulary every provider error is mapped into (DESIGN.md "Providers"). Each
 * provider's to-provider-error.ts does the mapping; handle-provider-error.ts is the ONE place
 * that decides what a kind does to a channel.
 */
export const PROVIDER_ERROR_KINDS = [
  'temporary',
  'rate-limited',
  'cursor-invalid',
  'auth-revoked',
  'insufficient-permissions',
  'not-found',
  'unknown',
] as const;
export type ProviderErrorKind = (typeof PROVIDER_ERROR_KINDS)[number];

export class ProviderError extends Error {
  override name = 'ProviderError';
  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    /** From Retry-After (header or Gmail's "Retry after <time>" text), for rate-limited. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

/** Seconds (possibly fractional, as Graph sends) or an HTTP date → milliseconds from `now`. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

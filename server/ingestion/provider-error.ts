/**
 * The closed vocabulary every provider error is mapped into (DESIGN.md "Providers"). Each
 * provider's to-provider-error.ts does the mapping; handle-provider-error.ts is the ONE place
 * that decides what a kind does to a channel.
 */
import { channelErrorKindSchema } from '../../shared/schemas/mail-account';

/** The kinds are part of the synced health row, so the schema is their one definition. */
export type ProviderErrorKind = (typeof channelErrorKindSchema.options)[number];

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

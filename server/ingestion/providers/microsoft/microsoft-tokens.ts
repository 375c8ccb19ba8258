import type { MicrosoftConfig } from '../../ingestion-config';
import type { ConnectionHooks } from '../../provider';
import { ProviderError } from '../../provider-error';
import { tokenError } from './to-provider-error';

/** Least privilege, read-only: mail, calendars, the user's own address, and a refresh token. */
export const MICROSOFT_SCOPES = ['offline_access', 'User.Read', 'Mail.Read', 'Calendars.Read'];

type TokenResponse = { access_token?: string; refresh_token?: string; expires_in?: number; scope?: string };

async function postToken(config: MicrosoftConfig, form: Record<string, string>, signal: AbortSignal): Promise<TokenResponse> {
  let res: Response;
  try {
    res = await fetch(config.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: config.clientId, client_secret: config.clientSecret, ...form }),
      signal,
    });
  } catch (error) {
    throw new ProviderError('temporary', `token endpoint unreachable: ${String(error)}`);
  }
  const body = (await res.json().catch(() => null)) as (TokenResponse & { error?: string; error_codes?: number[] }) | null;
  if (!res.ok || !body?.access_token) throw tokenError(res.status, body);
  return body;
}

export function exchangeMicrosoftCode(config: MicrosoftConfig, input: { code: string; redirectUri: string; codeVerifier: string }, signal: AbortSignal) {
  return postToken(
    config,
    { grant_type: 'authorization_code', code: input.code, redirect_uri: input.redirectUri, code_verifier: input.codeVerifier, scope: MICROSOFT_SCOPES.join(' ') },
    signal,
  );
}

/**
 * Access tokens for one account. The Graph client never refreshes (provider-facts §5, §7.3), so
 * this does: refresh 5 minutes before expiry, one refresh at a time, and every rotated refresh
 * token is stored through the hook BEFORE the new access token is used.
 */
export class MicrosoftTokens {
  private access: { token: string; expiresAt: number } | null = null;
  private refreshing: Promise<string> | null = null;
  /** The graph client wraps errors thrown by middleware; the last refresh failure is kept here. */
  private failure: ProviderError | null = null;

  constructor(
    private readonly config: MicrosoftConfig,
    private refreshToken: string,
    private readonly hooks: ConnectionHooks,
    private readonly timeoutMs: number,
  ) {}

  async accessToken(): Promise<string> {
    if (this.access && this.access.expiresAt - 5 * 60_000 > Date.now()) return this.access.token;
    this.refreshing ??= this.refresh().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  /** The refresh failure behind the current request, if any (read once). */
  takeFailure(): ProviderError | null {
    const failure = this.failure;
    this.failure = null;
    return failure;
  }

  /** The server refused our access token (401): the next request gets a fresh one. */
  invalidate(): void {
    this.access = null;
  }

  private async refresh(): Promise<string> {
    let body: TokenResponse;
    try {
      body = await postToken(
        this.config,
        { grant_type: 'refresh_token', refresh_token: this.refreshToken, scope: MICROSOFT_SCOPES.join(' ') },
        AbortSignal.timeout(this.timeoutMs),
      );
    } catch (error) {
      this.failure = error instanceof ProviderError ? error : new ProviderError('temporary', String(error));
      throw this.failure;
    }
    if (body.refresh_token && body.refresh_token !== this.refreshToken) {
      await this.hooks.saveRefreshToken(body.refresh_token);
      this.refreshToken = body.refresh_token;
    }
    this.access = { token: body.access_token!, expiresAt: Date.now() + (body.expires_in ?? 3600) * 1000 };
    return this.access.token;
  }
}

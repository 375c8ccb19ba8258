import { createHash, randomBytes } from 'node:crypto';
import type { FakeRequest, FakeResponse } from './fake-http';

type Grant = { account: string; scopes: string };

/**
 * The OAuth 2 part both fakes share: an authorize endpoint that approves at once (as the account
 * named by login_hint, or the fake's default account), the authorization-code + PKCE exchange,
 * refresh, revocation, and short-lived access tokens that the API side checks.
 */
export class FakeOAuth {
  private codes = new Map<string, Grant & { redirectUri: string; challenge: string | null; clientId: string }>();
  private refreshTokens = new Map<string, Grant>();
  private accessTokens = new Map<string, Grant & { expiresAt: number }>();
  readonly revoked = new Set<string>();
  /** Token requests seen (grant types), for tests. */
  readonly tokenRequests: string[] = [];
  accessTokenSeconds = 3600;

  constructor(
    private readonly options: {
      defaultAccount: () => string | null;
      /** Microsoft rotates refresh tokens on every use (provider-facts §5); Google does not. */
      rotateRefreshTokens: boolean;
      /** The error body for a dead grant, in each provider's shape. */
      invalidGrant: () => Record<string, unknown>;
    },
  ) {}

  authorize(request: FakeRequest): FakeResponse {
    const q = request.url.searchParams;
    const redirectUri = q.get('redirect_uri');
    const account = q.get('login_hint') || this.options.defaultAccount();
    if (!redirectUri || q.get('response_type') !== 'code' || !q.get('client_id')) {
      return { status: 400, body: { error: 'invalid_request' } };
    }
    const target = new URL(redirectUri);
    if (!account) target.searchParams.set('error', 'access_denied');
    else {
      const code = randomBytes(16).toString('base64url');
      this.codes.set(code, {
        account,
        scopes: q.get('scope') ?? '',
        redirectUri,
        challenge: q.get('code_challenge'),
        clientId: q.get('client_id')!,
      });
      target.searchParams.set('code', code);
    }
    if (q.get('state')) target.searchParams.set('state', q.get('state')!);
    return { status: 302, headers: { Location: target.toString() } };
  }

  token(request: FakeRequest): FakeResponse {
    const f = request.form;
    const grantType = f.get('grant_type') ?? '';
    this.tokenRequests.push(grantType);
    if (grantType === 'authorization_code') {
      const grant = this.codes.get(f.get('code') ?? '');
      this.codes.delete(f.get('code') ?? '');
      const verifier = f.get('code_verifier') ?? '';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      if (!grant || grant.redirectUri !== f.get('redirect_uri') || (grant.challenge && grant.challenge !== challenge)) {
        return { status: 400, body: this.options.invalidGrant() };
      }
      return { status: 200, body: this.issue(grant, true) };
    }
    if (grantType === 'refresh_token') {
      const token = f.get('refresh_token') ?? '';
      const grant = this.refreshTokens.get(token);
      if (!grant || this.revoked.has(grant.account)) return { status: 400, body: this.options.invalidGrant() };
      if (this.options.rotateRefreshTokens) this.refreshTokens.delete(token);
      return { status: 200, body: this.issue(grant, this.options.rotateRefreshTokens) };
    }
    return { status: 400, body: { error: 'unsupported_grant_type' } };
  }

  private issue(grant: Grant, withRefresh: boolean) {
    const access = `at-${randomBytes(16).toString('base64url')}`;
    this.accessTokens.set(access, { ...grant, expiresAt: Date.now() + this.accessTokenSeconds * 1000 });
    const body: Record<string, unknown> = {
      access_token: access,
      token_type: 'Bearer',
      expires_in: this.accessTokenSeconds,
      scope: grant.scopes,
    };
    if (withRefresh) {
      const refresh = `rt-${randomBytes(16).toString('base64url')}`;
      this.refreshTokens.set(refresh, grant);
      body.refresh_token = refresh;
    }
    return body;
  }

  /** The account behind a bearer access token, or null (unknown, expired, revoked). */
  accountOf(accessToken: string | null): string | null {
    const grant = accessToken ? this.accessTokens.get(accessToken) : undefined;
    if (!grant || grant.expiresAt < Date.now() || this.revoked.has(grant.account)) return null;
    return grant.account;
  }

  /** Ends every token of the account (user revoked access, password change). */
  revoke(account: string): void {
    this.revoked.add(account);
  }

  restore(account: string): void {
    this.revoked.delete(account);
  }

  /** Forget every issued access token (they "expired" early); refresh tokens keep working. */
  expireAccessTokens(): void {
    this.accessTokens.clear();
  }
}

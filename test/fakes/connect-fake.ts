import { createHash, randomBytes } from 'node:crypto';
import type { GrantedAccount, Provider } from '../../server/ingestion/provider';

/**
 * The authorisation-code flow against a fake, as the browser would walk it: open the provider's
 * authorize URL (the fake approves at once and redirects), take the code from the redirect and
 * exchange it with the provider's real client code.
 */
export async function grantThroughFake(provider: Provider, account: string): Promise<GrantedAccount> {
  const verifier = randomBytes(32).toString('base64url');
  const redirectUri = 'http://127.0.0.1:9/oauth/callback';
  const url = new URL(
    provider.authorizeUrl({ redirectUri, state: 's1', codeChallenge: createHash('sha256').update(verifier).digest('base64url') }),
  );
  url.searchParams.set('login_hint', account);
  const res = await fetch(url, { redirect: 'manual' });
  const location = new URL(res.headers.get('location') ?? '');
  const code = location.searchParams.get('code');
  if (!code) throw new Error(`the fake did not approve: ${location}`);
  return provider.exchangeCode({ code, redirectUri, codeVerifier: verifier, signal: AbortSignal.timeout(10_000) });
}

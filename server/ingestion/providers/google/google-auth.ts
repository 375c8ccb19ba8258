import { auth } from '@googleapis/gmail';
import type { GoogleConfig } from '../../ingestion-config';
import type { ConnectionHooks } from '../../provider';
import type { ProviderError } from '../../provider-error';
import { toProviderError } from './to-provider-error';

/** Read-only and no more (issue 5): mail, calendar events, and nothing to write with. */
export const GOOGLE_SCOPES = [
  'https://www.googleapis.com/auth/gmail.readonly',
  'https://www.googleapis.com/auth/calendar.readonly',
];

export type GoogleAuthClient = InstanceType<typeof auth.OAuth2>;

/** google-auth-library's OAuth2Client pointed at the configured token and consent endpoints. */
export function googleAuthClient(config: GoogleConfig): GoogleAuthClient {
  return new auth.OAuth2({
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    endpoints: { oauth2TokenUrl: config.tokenUrl, oauth2AuthBaseUrl: config.authorizeUrl },
  });
}

/**
 * A client holding the account's refresh token. It refreshes the access token itself (5 min
 * before expiry); a rotated refresh token (rare at Google) is saved through the hook.
 */
export function signedInClient(config: GoogleConfig, refreshToken: string, hooks: ConnectionHooks): GoogleAuthClient {
  const client = googleAuthClient(config);
  client.setCredentials({ refresh_token: refreshToken });
  client.on('tokens', (tokens) => {
    if (tokens.refresh_token && tokens.refresh_token !== refreshToken) {
      hooks.saveRefreshToken(tokens.refresh_token).catch((error: unknown) => {
        console.error('[ingestion] could not store a rotated Google refresh token:', error);
      });
    }
  });
  return client;
}

/** After a 401 the access token is dropped, so the next call refreshes it (provider-facts §7.2). */
export function dropAccessToken(client: GoogleAuthClient): void {
  const { refresh_token } = client.credentials;
  client.setCredentials({ refresh_token: refresh_token ?? null });
}

/**
 * One Google API call with its error mapped into the closed vocabulary; after a 401 the access
 * token is dropped so the retry refreshes it (provider-facts §7.2).
 */
export async function googleCall<T>(client: GoogleAuthClient, run: () => Promise<T>, cursorCall = false): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw dropTokenOn401(client, toProviderError(error, { cursorCall }));
  }
}

/** Returns the error; drops the access token first when the server refused it. */
export function dropTokenOn401(client: GoogleAuthClient, error: ProviderError): ProviderError {
  if (error.message.startsWith('access token refused')) dropAccessToken(client);
  return error;
}

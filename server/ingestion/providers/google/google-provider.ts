import { gmail } from '@googleapis/gmail';
import type { IngestionConfig } from '../../ingestion-config';
import { ProviderError } from '../../provider-error';
import type { Provider } from '../../provider';
import { GOOGLE_SCOPES, googleAuthClient, signedInClient } from './google-auth';
import { googleCalendarSource } from './google-calendar-source';
import { gmailSource } from './gmail-source';
import { toProviderError } from './to-provider-error';

/** Google: Gmail by historyId, Google Calendar by syncToken (DESIGN.md "Providers"). */
export function googleProvider(config: IngestionConfig): Provider {
  const google = config.google;
  return {
    id: 'google',
    webHost: 'gmail',
    configured: Boolean(google.clientId && google.clientSecret),
    authorizeUrl({ redirectUri, state, codeChallenge }) {
      return googleAuthClient(google).generateAuthUrl({
        access_type: 'offline',
        // Without consent Google sends no new refresh token to an account that approved before.
        prompt: 'consent',
        scope: GOOGLE_SCOPES,
        redirect_uri: redirectUri,
        state,
        code_challenge: codeChallenge,
        code_challenge_method: 'S256' as never,
        include_granted_scopes: false,
      });
    },
    async exchangeCode({ code, redirectUri, codeVerifier, signal }) {
      const client = googleAuthClient(google);
      try {
        const { tokens } = await client.getToken({ code, codeVerifier, redirect_uri: redirectUri });
        if (!tokens.refresh_token) throw new ProviderError('auth-revoked', 'Google returned no refresh token');
        client.setCredentials(tokens);
        const api = gmail({ version: 'v1', auth: client, rootUrl: `${google.apiUrl}/`, retry: false, timeout: config.requestTimeoutMs });
        const profile = await api.users.getProfile({ userId: 'me' }, { signal });
        if (!profile.data.emailAddress) throw new ProviderError('unknown', 'Google returned no mail address');
        return { refreshToken: tokens.refresh_token, address: profile.data.emailAddress, displayName: null, scopes: tokens.scope ?? GOOGLE_SCOPES.join(' ') };
      } catch (error) {
        throw toProviderError(error);
      }
    },
    channels(settings) {
      // One history covers every label of a Gmail mailbox (inbox, sent, user labels).
      const calendars = settings.calendars.length > 0 ? settings.calendars : [{ id: 'primary', name: 'Calendar' }];
      return [
        { kind: 'mail', resource: 'mail', label: 'Gmail' },
        ...calendars.map((c) => ({ kind: 'calendar' as const, resource: c.id, label: c.name })),
      ];
    },
    connect(refreshToken, hooks) {
      const auth = signedInClient(google, refreshToken, hooks);
      return {
        mail: gmailSource(google, auth, config.requestTimeoutMs),
        calendar: googleCalendarSource(google, auth, config.requestTimeoutMs),
      };
    },
  };
}

import { z } from 'zod';
import type { IngestionConfig } from '../../ingestion-config';
import type { Provider } from '../../provider';
import { ProviderError } from '../../provider-error';
import { graphCalendarSource } from './graph-calendar-source';
import { graphGetter } from './graph-client';
import { graphMailSource } from './graph-mail-source';
import { exchangeMicrosoftCode, MICROSOFT_SCOPES, MicrosoftTokens } from './microsoft-tokens';

const meSchema = z.object({ mail: z.string().nullish(), userPrincipalName: z.string().nullish(), displayName: z.string().nullish() });

/** Microsoft 365: Outlook mail and calendars by Graph delta with immutable ids (DESIGN.md "Providers"). */
export function microsoftProvider(config: IngestionConfig): Provider {
  const ms = config.microsoft;
  return {
    id: 'microsoft',
    webHost: 'outlook',
    configured: Boolean(ms.clientId && ms.clientSecret),
    authorizeUrl({ redirectUri, state, codeChallenge }) {
      const url = new URL(ms.authorizeUrl);
      url.search = new URLSearchParams({
        client_id: ms.clientId,
        response_type: 'code',
        redirect_uri: redirectUri,
        response_mode: 'query',
        scope: MICROSOFT_SCOPES.join(' '),
        state,
        code_challenge: codeChallenge,
        code_challenge_method: 'S256',
        prompt: 'select_account',
      }).toString();
      return url.toString();
    },
    async exchangeCode({ code, redirectUri, codeVerifier, signal }) {
      const tokens = await exchangeMicrosoftCode(ms, { code, redirectUri, codeVerifier }, signal);
      if (!tokens.refresh_token) throw new ProviderError('auth-revoked', 'Microsoft returned no refresh token');
      let refreshToken = tokens.refresh_token;
      const session = new MicrosoftTokens(ms, refreshToken, { saveRefreshToken: async (t) => void (refreshToken = t) }, config.requestTimeoutMs);
      const me = meSchema.parse(await graphGetter(ms, session, config.requestTimeoutMs)('/me?$select=mail,userPrincipalName,displayName', [], signal));
      const address = me.mail ?? me.userPrincipalName;
      if (!address) throw new ProviderError('unknown', 'Microsoft returned no mail address');
      return { refreshToken, address, displayName: me.displayName ?? null, scopes: tokens.scope ?? MICROSOFT_SCOPES.join(' ') };
    },
    channels(settings) {
      const folders = [
        { id: 'inbox', name: 'Inbox' },
        { id: 'sentitems', name: 'Sent Items' },
        ...settings.mailFolders.filter((f) => f.id !== 'inbox' && f.id !== 'sentitems'),
      ];
      const calendars = settings.calendars.length > 0 ? settings.calendars : [{ id: 'default', name: 'Calendar' }];
      return [
        ...folders.map((f) => ({ kind: 'mail' as const, resource: f.id, label: f.name })),
        ...calendars.map((c) => ({ kind: 'calendar' as const, resource: c.id, label: c.name })),
      ];
    },
    connect(refreshToken, hooks) {
      const get = graphGetter(ms, new MicrosoftTokens(ms, refreshToken, hooks, config.requestTimeoutMs), config.requestTimeoutMs);
      return { mail: graphMailSource(get), calendar: graphCalendarSource(get) };
    },
  };
}

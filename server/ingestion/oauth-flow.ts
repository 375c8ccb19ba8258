import { createHash, randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { AuthedUser } from '../domain/auth-service';
import { DomainError } from '../domain/errors';
import type { Store } from '../storage/repositories/index';
import type { IngestionDeps } from './ingestion-deps';
import { providerOf } from './registry';
import { channelRowsFor } from './account-channels';

const START_TTL_MS = 10 * 60_000;
export const OAUTH_START_PATH = '/oauth/start/';
export const OAUTH_CALLBACK_PATH = '/oauth/callback';

export type CallbackResult = { ok: true; address: string; provider: string } | { ok: false; reason: string };

/**
 * The authorisation-code flow through the server (issue 5): an authed call makes a one-time,
 * short-lived start URL bound to the user; the browser opens it, the server sends it on to the
 * provider with PKCE, and the callback exchanges the code, seals the refresh token and creates
 * the account's channels. The extension never sees a provider token.
 */
export function oauthFlow(store: Store, deps: IngestionDeps, clock: () => Date) {
  return {
    async startUrl(user: AuthedUser, providerId: string): Promise<{ url: string }> {
      const provider = providerOf(deps.providers, providerId);
      if (!provider.configured) {
        throw new DomainError('CONFLICT', `${provider.id} is not set up on this server: its OAuth client id and secret are missing (README "Settings").`);
      }
      const id = randomBytes(32).toString('base64url');
      await store.repos.oauthStates.insert({
        id,
        orgId: user.orgId,
        userId: user.id,
        provider: provider.id,
        codeVerifier: randomBytes(48).toString('base64url'),
        expiresAt: new Date(clock().getTime() + START_TTL_MS),
      });
      return { url: `${deps.publicUrl}${OAUTH_START_PATH}${id}` };
    },

    /** Who a start link is for, before anything happens (the confirmation page); null if unusable. */
    pending(id: string) {
      return store.repos.oauthStates.peek(id, clock());
    },

    /** The provider's consent URL for a fresh start id; null if unknown, used or expired. */
    async redirectFor(id: string): Promise<string | null> {
      const state = await store.repos.oauthStates.start(id, clock());
      if (!state) return null;
      return providerOf(deps.providers, state.provider).authorizeUrl({
        redirectUri: `${deps.publicUrl}${OAUTH_CALLBACK_PATH}`,
        state: id,
        codeChallenge: createHash('sha256').update(state.codeVerifier).digest('base64url'),
      });
    },

    async callback(params: URLSearchParams, signal: AbortSignal): Promise<CallbackResult> {
      const id = params.get('state') ?? '';
      const state = await store.repos.oauthStates.finish(id, clock());
      if (!state) return { ok: false, reason: 'This sign-in link has expired or was already used. Start again from the options page.' };
      if (params.get('error') || !params.get('code')) {
        return { ok: false, reason: 'Access was not granted, so nothing was connected.' };
      }
      const provider = providerOf(deps.providers, state.provider);
      let granted;
      try {
        granted = await provider.exchangeCode({
          code: params.get('code')!,
          redirectUri: `${deps.publicUrl}${OAUTH_CALLBACK_PATH}`,
          codeVerifier: state.codeVerifier,
          signal,
        });
      } catch (error) {
        console.error('[ingestion] OAuth code exchange failed:', error);
        return { ok: false, reason: 'The provider did not complete the connection. Please try again.' };
      }
      const address = granted.address.trim().toLowerCase();
      await store.transaction(async (repos) => {
        const user = await repos.users.get(state.userId);
        if (!user || !user.active || user.orgId !== state.orgId) throw new DomainError('UNAUTHORIZED', 'user no longer exists');
        const account = await repos.mailAccounts.upsertConnected({
          id: uuidv7(),
          orgId: state.orgId,
          userId: state.userId,
          provider: provider.id,
          address,
          displayName: granted.displayName,
          refreshTokenSealed: deps.cipher.encrypt(granted.refreshToken),
          scopes: granted.scopes,
        });
        await repos.syncChannels.reconcile(account.orgId, account.id, channelRowsFor(provider, account.settings));
        await repos.syncChannels.wakeAccount(account.id, clock());
        await repos.changeLog.append(account.orgId, 'mailAccount', account.id, 'upsert');
        // The browser that finishes the flow carries no session: the one-time state names the user.
      }, { userId: state.userId, sessionId: null, device: null, action: 'mail.connect' });
      return { ok: true, address, provider: provider.id };
    },
  };
}

import type { Store } from '../storage/repositories/index';
import type { MailAccountRow } from '../storage/repositories/mail-accounts';
import type { IngestionDeps } from './ingestion-deps';
import type { Connection } from './provider';
import { providerOf } from './registry';

/**
 * A provider connection for a stored account. Rotated refresh tokens (Microsoft rotates on every
 * refresh) are sealed and stored before the new access token is used, so a crash can never
 * leave the database holding a token the provider already retired.
 */
export function openConnection(store: Store, deps: IngestionDeps, account: MailAccountRow): Connection | null {
  if (!account.refreshTokenSealed) return null;
  const refreshToken = deps.cipher.decrypt(account.refreshTokenSealed);
  return providerOf(deps.providers, account.provider).connect(refreshToken, {
    saveRefreshToken: (token) => store.repos.mailAccounts.setRefreshToken(account.id, deps.cipher.encrypt(token)),
  });
}

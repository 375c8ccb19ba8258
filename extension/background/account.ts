import { signInInputSchema, signInOutputSchema } from '../../shared/schemas/auth';
import type { LocalDb } from '../local-db/db';
import { getMeta, setMetas } from '../local-db/meta';
import { wipeAll } from '../local-db/sync-store';
import type { SignInResult } from '../messaging/protocol';
import { classifyError, createApiClient } from '../sync/trpc-client';
import { loadSettings, normaliseServerUrl, saveSettings } from '../sync/settings';

/** Sign in through the server; the token only ever lives in the worker and storage.local. */
export async function signIn(
  db: LocalDb,
  request: { serverUrl: string; email: string; code: string },
): Promise<SignInResult> {
  const serverUrl = normaliseServerUrl(request.serverUrl);
  const input = signInInputSchema.safeParse({ email: request.email, code: request.code });
  if (!serverUrl || !input.success) return { ok: false, error: 'invalid' };
  let output;
  try {
    output = signInOutputSchema.parse(await createApiClient(serverUrl, null).auth.signIn.mutate(input.data));
  } catch (error) {
    const kind = classifyError(error);
    return { ok: false, error: kind === 'offline' ? 'network' : 'rejected' };
  }
  const previous = await loadSettings();
  const session = await getMeta(db, 'session');
  // Another user's or another server's replica and outbox must not leak into this account.
  if ((session && session.userId !== output.user.id) || (previous && previous.serverUrl !== serverUrl)) {
    await wipeAll(db);
  }
  await saveSettings({
    serverUrl,
    token: output.token,
    expiresAt: output.expiresAt,
    user: output.user,
    organisation: output.organisation,
  });
  await setMetas(db, {
    session: {
      userId: output.user.id,
      email: output.user.email,
      displayName: output.user.displayName,
      organisationId: output.organisation.id,
      organisationName: output.organisation.name,
    },
    syncState: 'idle',
    lastError: null,
    backoffAttempt: 0,
  });
  return { ok: true, user: output.user };
}

/** Best-effort server sign-out, then nothing of the account stays on the device. */
export async function signOut(db: LocalDb): Promise<void> {
  const settings = await loadSettings();
  if (settings?.token) {
    const client = createApiClient(settings.serverUrl, settings.token);
    await Promise.race([
      client.auth.signOut.mutate().catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, 3000)),
    ]);
  }
  await wipeAll(db);
  if (settings) await saveSettings({ ...settings, token: null, expiresAt: null, user: null, organisation: null });
  await setMetas(db, { syncState: 'signed-out' });
}

/** A 401 during sync: drop the token, keep the replica's outbox for the next sign-in. */
export async function forgetToken(): Promise<void> {
  const settings = await loadSettings();
  if (settings) await saveSettings({ ...settings, token: null, expiresAt: null });
}

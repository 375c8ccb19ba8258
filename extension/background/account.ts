import { signInInputSchema, signInOutputSchema } from '../../shared/schemas/auth';
import type { LocalDb } from '../local-db/db';
import { getMeta, setMeta, setMetas } from '../local-db/meta';
import { resetReplica, wipeAll } from '../local-db/sync-store';
import type { SignInResult } from '../messaging/protocol';
import type { SyncEngine } from '../sync/engine';
import { normaliseServerUrl } from '../sync/settings';
import { classifyError, createApiClient } from '../sync/trpc-client';

/**
 * Sign in through the server. The token lives only in the worker's memory and the extension
 * origin's IndexedDB (meta 'connection'), never where a content script or the page can read it.
 */
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
  const [session, previous] = await Promise.all([getMeta(db, 'session'), getMeta(db, 'connection')]);
  // Another user's or another server's replica and outbox must not leak into this account.
  if ((session && session.userId !== output.user.id) || (previous && previous.serverUrl !== serverUrl)) {
    await wipeAll(db);
  }
  await setMetas(db, {
    connection: { serverUrl, token: output.token, expiresAt: output.expiresAt },
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

/**
 * Nothing of the account stays on the device. Order matters: forget the token (no new run can
 * start), let the running sync finish without writing further pages, revoke on the server
 * (best effort), then wipe.
 */
export async function signOut(db: LocalDb, engine: SyncEngine): Promise<void> {
  const connection = await getMeta(db, 'connection');
  if (connection) await setMeta(db, 'connection', { ...connection, token: null, expiresAt: null });
  await engine.stop();
  if (connection?.token) {
    const client = createApiClient(connection.serverUrl, connection.token);
    await Promise.race([
      client.auth.signOut.mutate().catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, 3000)),
    ]);
  }
  await wipeAll(db);
  await setMetas(db, { syncState: 'signed-out' });
}

/**
 * A 401 during sync: the session expired, was revoked (a stolen laptop) or the user was
 * deactivated. The token goes and so does the replica's customer data; only the outbox's
 * unsynced changes (and the rows they change) stay for the next sign-in of the same user
 * (a different user's sign-in wipes those too).
 */
export async function forgetToken(db: LocalDb): Promise<void> {
  const connection = await getMeta(db, 'connection');
  if (connection) await setMeta(db, 'connection', { ...connection, token: null, expiresAt: null });
  await resetReplica(db);
}

import { TRPCClientError } from '@trpc/client';
import type { LocalDb } from '../local-db/db';
import { getMeta } from '../local-db/meta';
import type { ImportErrorKind, ImportResult } from '../messaging/import-protocol';
import { classifyError, createApiClient, type ApiClient } from '../sync/trpc-client';

/**
 * A call to the server for an extension page (import, administration, mail accounts), which never talks to the
 * server itself: the worker holds the token. The server's message is passed on for refusals
 * the user can act on; the kind picks the sentence around it.
 */
export async function callServer<T>(db: LocalDb, run: (api: ApiClient) => Promise<T>): Promise<ImportResult<T>> {
  const connection = await getMeta(db, 'connection');
  if (!connection?.token) return { ok: false, error: 'signed-out', reason: '' };
  try {
    return { ok: true, value: await run(createApiClient(connection.serverUrl, connection.token)) };
  } catch (error) {
    return { ok: false, error: errorKind(error), reason: error instanceof Error ? error.message : String(error) };
  }
}

function errorKind(error: unknown): ImportErrorKind {
  const code = error instanceof TRPCClientError ? (error.data as { code?: string } | null | undefined)?.code : undefined;
  if (code === 'FORBIDDEN') return 'forbidden';
  if (code === 'CONFLICT' || code === 'NOT_FOUND') return 'conflict';
  const kind = classifyError(error);
  if (kind === 'too-large') return 'invalid';
  return kind === 'offline' ? 'network' : kind === 'unauthorized' ? 'signed-out' : kind;
}

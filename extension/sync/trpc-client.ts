import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import type { AppRouter } from '../../server/trpc/app-router';
import { pullOutputSchema, pushOutputSchema } from '../../shared/schemas/sync';
import { SyncTransportError, type SyncTransport, type TransportErrorKind } from './transport';

export function createApiClient(serverUrl: string, token: string | null) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${serverUrl.replace(/\/+$/, '')}/trpc`,
        headers: () => (token ? { Authorization: `Bearer ${token}` } : {}),
      }),
    ],
  });
}
export type ApiClient = ReturnType<typeof createApiClient>;

/** 401 → signed out; 400 → invalid; 413 → too large; a failed fetch (no HTTP answer at all) → offline; else → error. */
export function classifyError(error: unknown): TransportErrorKind {
  if (error instanceof TRPCClientError) {
    const data = error.data as { httpStatus?: number; code?: string } | undefined | null;
    if (data?.httpStatus === 401 || data?.code === 'UNAUTHORIZED') return 'unauthorized';
    if (data?.code === 'BAD_REQUEST') return 'invalid';
    if (data?.httpStatus === 413 || data?.code === 'PAYLOAD_TOO_LARGE') return 'too-large';
    if (!data && (error.cause instanceof TypeError || /fetch|network/i.test(error.message))) return 'offline';
    return 'error';
  }
  if (error instanceof TypeError) return 'offline';
  return 'error';
}

async function guarded<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new SyncTransportError(classifyError(error), message);
  }
}

/** Server answers are parsed too: the worker writes them straight into the replica. */
export function trpcTransport(client: ApiClient): SyncTransport {
  return {
    push: (input) => guarded(async () => pushOutputSchema.parse(await client.sync.push.mutate(input))),
    pull: (input) => guarded(async () => pullOutputSchema.parse(await client.sync.pull.mutate(input))),
  };
}

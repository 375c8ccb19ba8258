import { createTRPCClient, httpLink } from '@trpc/client';
import type { AppRouter } from '../../server/trpc/app-router';
import type { PullOutput } from '../../shared/schemas/sync';

/** Where server/main.ts mounts the tRPC handler. */
export const TRPC_PATH = '/trpc';

/** A typed tRPC client for direct API calls, optionally with a bearer token. */
export function apiClient(serverUrl: string, token?: string) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${serverUrl}${TRPC_PATH}`,
        headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
      }),
    ],
  });
}

export type ApiClient = ReturnType<typeof apiClient>;

/** Signs in through the API (consumes the one-time code) and returns a client with the token. */
export async function signInApi(serverUrl: string, email: string, code: string) {
  const result = await apiClient(serverUrl).auth.signIn.mutate({ email, code, deviceName: 'e2e api' });
  return { client: apiClient(serverUrl, result.token), token: result.token, user: result.user, organisation: result.organisation };
}

type PulledChange = { entity: string; op: 'upsert' | 'delete'; row?: Record<string, unknown>; id?: string };

/** Pulls the caller's whole scope from the beginning (all pages); returns the latest row per id. */
export async function pullAll(client: ApiClient) {
  const changes: PulledChange[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 1000; page++) {
    const result: PullOutput = await client.sync.pull.mutate({ cursor, limit: 1000 });
    if (result.resetRequired) throw new Error('pull from null cursor answered resetRequired');
    changes.push(...(result.changes as PulledChange[]));
    cursor = result.nextCursor;
    if (!result.hasMore) break;
  }
  const rows = new Map<string, { entity: string; row: Record<string, unknown> }>();
  for (const change of changes) {
    const id = change.op === 'delete' ? change.id! : String(change.row!.id);
    if (change.op === 'delete') rows.delete(`${change.entity}:${id}`);
    else rows.set(`${change.entity}:${id}`, { entity: change.entity, row: change.row! });
  }
  const of = (entity: string) => [...rows.values()].filter((r) => r.entity === entity).map((r) => r.row);
  return {
    changes,
    /** The rows of any entity (issue 4's service items, visits, follow-ups...). */
    of,
    customers: of('customer'),
    contacts: of('contact'),
    timelineItems: of('timelineItem'),
    members: of('member'),
    followUps: of('followUp'),
  };
}

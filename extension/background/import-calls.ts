import { TRPCClientError } from '@trpc/client';
import type { z } from 'zod';
import {
  importApplyOutputSchema,
  importInspectOutputSchema,
  importReportSchema,
  type importApplyInputSchema,
  type importInspectInputSchema,
  type importPlanInputSchema,
} from '../../shared/schemas/import';
import type { LocalDb } from '../local-db/db';
import { getMeta } from '../local-db/meta';
import type { ImportErrorKind, ImportResult } from '../messaging/import-protocol';
import { classifyError, createApiClient, type ApiClient } from '../sync/trpc-client';

/**
 * CSV/Excel import for the options page, which never talks to the server itself: the worker
 * holds the token. Server answers are parsed like sync answers (a trust boundary both ways).
 */
export const importCalls = {
  inspect: (db: LocalDb, input: z.output<typeof importInspectInputSchema>) =>
    call(db, async (api) => importInspectOutputSchema.parse(await api.imports.inspect.mutate(input))),
  plan: (db: LocalDb, input: z.output<typeof importPlanInputSchema>) =>
    call(db, async (api) => importReportSchema.parse(await api.imports.plan.mutate(input))),
  apply: (db: LocalDb, input: z.output<typeof importApplyInputSchema>) =>
    call(db, async (api) => importApplyOutputSchema.parse(await api.imports.applyPlan.mutate(input))),
};

async function call<T>(db: LocalDb, run: (api: ApiClient) => Promise<T>): Promise<ImportResult<T>> {
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
  if (code === 'PAYLOAD_TOO_LARGE') return 'invalid';
  const kind = classifyError(error);
  return kind === 'offline' ? 'network' : kind === 'unauthorized' ? 'signed-out' : kind;
}

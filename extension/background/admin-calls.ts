import { z } from 'zod';
import { inviteOutputSchema, userSummarySchema } from '../../shared/schemas/admin';
import { auditListOutputSchema } from '../../shared/schemas/audit';
import { idSchema } from '../../shared/schemas/common';
import type { LocalDb } from '../local-db/db';
import type { AdminCall } from '../messaging/admin-protocol';
import type { ImportResult } from '../messaging/import-protocol';
import type { ApiClient } from '../sync/trpc-client';
import { callServer } from './server-call';

const ok = z.object({ ok: z.literal(true) });

/** One server call per admin request; answers are parsed like every server answer. */
export function adminCall(db: LocalDb, request: AdminCall): Promise<ImportResult<unknown>> {
  const run = (fn: (api: ApiClient) => Promise<unknown>) => callServer(db, fn);
  switch (request.call) {
    case 'users.list':
      return run(async (api) => z.array(userSummarySchema).parse(await api.users.list.query()));
    case 'users.invite':
      return run(async (api) => inviteOutputSchema.parse(await api.users.invite.mutate(request.input)));
    case 'users.issueCode':
      return run(async (api) => inviteOutputSchema.parse(await api.users.issueCode.mutate(request.input)));
    case 'users.update':
      return run(async (api) => ok.parse(await api.users.update.mutate(request.input)));
    case 'users.setActive':
      return run(async (api) => ok.parse(await api.users.setActive.mutate(request.input)));
    case 'departments.create':
      return run(async (api) => z.object({ id: idSchema }).parse(await api.departments.create.mutate(request.input)));
    case 'departments.rename':
      return run(async (api) => ok.parse(await api.departments.rename.mutate(request.input)));
    case 'departments.delete':
      return run(async (api) => ok.parse(await api.departments.delete.mutate(request.input)));
    case 'audit.list':
      return run(async (api) => auditListOutputSchema.parse(await api.audit.list.query(request.input)));
  }
}

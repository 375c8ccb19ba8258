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
import { callServer as call } from './server-call';

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


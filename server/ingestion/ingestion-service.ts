import { mailProviderSchema } from '../../shared/schemas/mail-account';
import type { Store } from '../storage/repositories/index';
import { accountsService } from './accounts-service';
import type { IngestionDeps } from './ingestion-deps';
import { neverLogService } from './never-log-service';
import { oauthFlow } from './oauth-flow';
import { runDueChannels, type RunDueOptions } from './run-due-channels';

/** Mail and calendar ingestion as the rest of the server sees it (services.ingestion). */
export function createIngestionService(store: Store, deps: IngestionDeps, clock: () => Date = () => new Date()) {
  return {
    deps,
    oauth: oauthFlow(store, deps, clock),
    accounts: accountsService(store, deps, clock),
    neverLog: neverLogService(store),
    runDue: (options: RunDueOptions) => runDueChannels(store, deps, options),
    /** Which providers users can connect on this server. */
    providers: () => [...deps.providers.values()].map((p) => ({ id: mailProviderSchema.parse(p.id), configured: p.configured })),
  };
}
export type IngestionService = ReturnType<typeof createIngestionService>;

import type { Mutation } from '../../shared/schemas/sync';
import { createIngestionDeps, type IngestionDeps } from '../ingestion/ingestion-deps';
import { createIngestionService } from '../ingestion/ingestion-service';
import type { Store } from '../storage/repositories/index';
import { createAuditService } from './audit-service';
import { createAuthService, type AuthedUser } from './auth-service';
import { compactChangeLog } from './change-log-compaction';
import { createCustomersService } from './customers-service';
import { handOverCustomers } from './hand-over';
import { createFollowUpsService } from './follow-ups/follow-ups-service';
import { createImportService } from './import/import-service';
import { createPeopleService } from './people-service';
import { createServiceMailService } from './service-mail';
import { pullChanges } from './sync-pull';
import { pushMutations } from './sync-push';
// Issue 9
import { createReportsService } from './reports/reports-service';

/**
 * Every service, built once per process around one store; the tRPC context carries this.
 * Ingestion's providers, token key and public URL come from the server's environment
 * (start-server.ts); without them (tests, CLI) it uses the env's provider settings and a
 * process-lifetime key. `now` (the reports' clock) lets tests stand at a fixed instant.
 */
export function createServices(store: Store, options: { ingestion?: IngestionDeps; now?: () => Date } = {}) {
  return {
    auth: createAuthService(store),
    customers: {
      ...createCustomersService(store),
      handOver: (user: AuthedUser, input: { fromUserId: string; toUserId: string }) => handOverCustomers(store, user, input),
    },
    people: createPeopleService(store),
    audit: createAuditService(store),
    imports: createImportService(store),
    followUps: createFollowUpsService(store),
    /** Issue 4B: the service clock fed by mail ingestion (issue 5 calls recordThreadMessages). */
    serviceMail: createServiceMailService(store),
    sync: {
      push: (user: AuthedUser, mutations: Mutation[]) => pushMutations(store, user, mutations),
      pull: (user: AuthedUser, input: { cursor: string | null; limit: number }) => pullChanges(store, user, input),
      compact: (orgId: string, options: { tombstonesOlderThan: Date }) => compactChangeLog(store, orgId, options),
    },
    ingestion: createIngestionService(store, options.ingestion ?? createIngestionDeps({})),
    // Issue 9: the managers' dashboard.
    reports: createReportsService(store, options.now),
  };
}
export type Services = ReturnType<typeof createServices>;

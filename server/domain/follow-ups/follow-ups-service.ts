import type { Store } from '../../storage/repositories/index';
import { runCadence } from './cadence-run';
import { runCare } from './care-run';
import { closeOnCustomerReply, type ThreadSeen } from './reply-closing';

/** The follow-up rules the server runs itself: background jobs and mail ingestion call these. */
export function createFollowUpsService(store: Store) {
  /** Runs a per-organisation rule for every organisation, one after the other. */
  const everyOrganisation = async <R>(run: (orgId: string) => Promise<R>, signal?: AbortSignal): Promise<Map<string, R>> => {
    const results = new Map<string, R>();
    for (const orgId of await store.repos.organisations.listIds()) {
      if (signal?.aborted) break;
      results.set(orgId, await run(orgId));
    }
    return results;
  };
  return {
    runCadence: (now: Date, signal?: AbortSignal) => everyOrganisation((orgId) => runCadence(store, orgId, now, signal), signal),
    runCare: (now: Date, signal?: AbortSignal) => everyOrganisation((orgId) => runCare(store, orgId, now, signal), signal),
    closeOnCustomerReply: (seen: ThreadSeen) => closeOnCustomerReply(store, seen),
  };
}

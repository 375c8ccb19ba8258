import type { ThreadContext } from '../../../shared/schemas/host-context';
import type { LocalDb } from '../../local-db/db';
import { closeWhenCustomerReplies } from './customer-replied';
import { serviceFirstReply } from './service-first-reply';

/**
 * A rule the background applies to every conversation a mail tab shows, whether or not the
 * sidebar is open: e.g. "the customer replied, close the no-reply follow-up" or "we replied,
 * stop the service clock". A rule reads the replica, makes local mutations (synced like any
 * other change) and says whether it changed anything.
 */
export type ThreadRule = (db: LocalDb, context: ThreadContext) => Promise<boolean>;

/** One line per rule. */
export const threadRules: readonly ThreadRule[] = [
  closeWhenCustomerReplies, // issue 4: the customer replied → the no-reply follow-up ends
  // Issue 4B: our reply in the thread is the first reply of a request or complaint logged from it.
  serviceFirstReply,
];

/**
 * Runs every rule on a freshly stored context. A failing rule is logged and never stops the
 * others, the context's delivery, or the page. True when any rule changed the replica.
 */
export async function runThreadRules(db: LocalDb, context: ThreadContext, rules = threadRules): Promise<boolean> {
  let changed = false;
  for (const rule of rules) {
    try {
      changed = (await rule(db, context)) || changed;
    } catch (error) {
      console.warn('[inbox-crm] a thread rule failed', error);
    }
  }
  return changed;
}

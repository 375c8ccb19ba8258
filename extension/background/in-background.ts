import type { LocalDb } from '../local-db/db';
import { setMeta } from '../local-db/meta';

/**
 * Starts work the worker does not wait for (a sync nudge, conversation rules, reminders). A
 * failure would otherwise be an unhandled rejection, seen by nobody; it is recorded where sync
 * errors are (meta lastError, on the sync status line, kept across worker restarts) and cleared
 * by the next good sync. Only when even that write fails (the replica cannot be written) does it
 * go to the console: there is nowhere else left.
 */
export function inBackground(db: LocalDb, what: string, work: () => Promise<unknown>): void {
  // The executor runs `work` at once; a synchronous throw becomes a rejection like any other.
  new Promise((resolve) => resolve(work())).catch(async (error: unknown) => {
    const message = `${what}: ${error instanceof Error ? error.message : String(error)}`;
    await setMeta(db, 'lastError', message).catch(() => console.warn('[inbox-crm]', message, error));
  });
}

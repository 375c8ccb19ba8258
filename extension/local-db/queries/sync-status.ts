import type { LocalDb, OutboxEntry } from '../db';
import { getMeta, type SessionInfo, type SyncState } from '../meta';

export type SyncStatus = {
  state: SyncState;
  signedIn: boolean;
  session: SessionInfo | null;
  lastSyncedAt: string | null;
  lastError: string | null;
  pending: number;
};

/** Everything the status line needs, from meta + the outbox (never from worker memory). */
export async function syncStatus(db: LocalDb): Promise<SyncStatus> {
  const [state, session, lastSyncedAt, lastError, pending] = await Promise.all([
    getMeta(db, 'syncState'),
    getMeta(db, 'session'),
    getMeta(db, 'lastSyncedAt'),
    getMeta(db, 'lastError'),
    db.outbox.where('status').equals('pending').count(),
  ]);
  const signedIn = Boolean(session) && state !== 'signed-out';
  return {
    state: signedIn ? (state ?? 'idle') : 'signed-out',
    signedIn,
    session: session ?? null,
    lastSyncedAt: lastSyncedAt ?? null,
    lastError: lastError ?? null,
    pending,
  };
}

export async function rejectedChanges(db: LocalDb): Promise<OutboxEntry[]> {
  return (await db.outbox.where('status').equals('rejected').toArray()).sort((a, b) => (a.id < b.id ? -1 : 1));
}

import { NOT_ENDED, type FollowUp } from '../../../shared/schemas/follow-up';
import type { FollowUpEnd } from '../../storage/repositories/follow-ups';
import type { Store } from '../../storage/repositories/index';
import { systemActor } from '../auth-service';

export type RuleMade = { row: Omit<FollowUp, 'createdAt' | 'updatedAt' | 'version'>; dedupeKey: string };

/**
 * Short transactions: the change log's organisation-row lock is held to COMMIT, so a long one
 * would make people's pushes wait for a whole job run.
 */
const CHUNK = 50;

const chunks = <T>(items: readonly T[]) =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

/**
 * Writes rule-made follow-ups once each: a dedupe key already taken (an earlier run, or another
 * process running the same job right now) writes nothing and logs nothing. The number made.
 * `action` names the job in the audit trail (the server's work, no person).
 */
export async function insertRuleMade(store: Store, orgId: string, made: readonly RuleMade[], action: string, signal?: AbortSignal): Promise<number> {
  let inserted = 0;
  for (const chunk of chunks(made)) {
    if (signal?.aborted) break;
    inserted += await store.transaction(async (repos) => {
      let n = 0;
      for (const { row, dedupeKey } of chunk) {
        if (!(await repos.followUps.insertRuleMade(orgId, row, dedupeKey))) continue;
        await repos.changeLog.append(orgId, 'followUp', row.id, 'upsert');
        n += 1;
      }
      return n;
    }, systemActor(action));
  }
  return inserted;
}

/** Ends follow-ups that are still open (a concurrent run or person may have ended some); the number ended. */
export async function closeStillOpen(store: Store, orgId: string, ends: readonly { id: string; end: FollowUpEnd }[], action: string): Promise<number> {
  let closed = 0;
  for (const chunk of chunks(ends)) {
    closed += await store.transaction(async (repos) => {
      let n = 0;
      for (const { id, end } of chunk) {
        if (!(await repos.followUps.closeIfOpen(orgId, id, end))) continue;
        await repos.changeLog.append(orgId, 'followUp', id, 'upsert');
        n += 1;
      }
      return n;
    }, systemActor(action));
  }
  return closed;
}

/** The fields every rule-made follow-up starts with. */
export const OPEN_RULE_MADE = { ...NOT_ENDED, reason: '', replyWatch: null, createdByUserId: null } as const;

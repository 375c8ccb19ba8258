import type { Mutation, MutationResult, PushOutput } from '../../shared/schemas/sync';
import type { Store } from '../storage/repositories/index';
import { actorOf, type AuthedUser } from './auth-service';
import { mutationHandlers } from './mutation-handlers';

/**
 * Applies a batch in order, each mutation in its own transaction together with its stored
 * result, so a crash between two mutations leaves the first applied and recorded and a retry
 * replays it as a no-op. A replay returns the stored result, rejections included.
 */
export async function pushMutations(store: Store, user: AuthedUser, mutations: Mutation[]): Promise<PushOutput> {
  const results: MutationResult[] = [];
  for (const mutation of mutations) results.push(await applyOne(store, user, mutation));
  return { results };
}

/**
 * A data exception (SQLSTATE class 22: a value the database refuses, such as a date out of its
 * range) fails the same way on every retry. Answered as a stored rejection, it cannot block the
 * client's outbox forever; any other error (database down) stays an error and is retried.
 */
function isDataException(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('22');
}

async function applyOne(store: Store, user: AuthedUser, mutation: Mutation): Promise<MutationResult> {
  try {
    return await applyInTransaction(store, user, mutation);
  } catch (error) {
    if (!isDataException(error)) throw error;
    const result: MutationResult = {
      mutationId: mutation.id,
      status: 'rejected',
      code: 'invalid',
      reason: 'The server cannot store this change: one of its values is outside what the database accepts.',
    };
    await store.transaction(async (repos) => {
      await repos.appliedMutations.claim({ id: mutation.id, orgId: user.orgId, userId: user.id, kind: mutation.kind }, result);
    }, actorOf(user, mutation.kind));
    return result;
  }
}

/** Every row the handler changes is recorded in the audit trail as this user's, from this device. */
async function applyInTransaction(store: Store, user: AuthedUser, mutation: Mutation): Promise<MutationResult> {
  return store.transaction(async (repos) => {
    // Claimed as applied (one statement); a rejection overwrites that before the commit.
    const applied: MutationResult = { mutationId: mutation.id, status: 'applied' };
    const claimed = await repos.appliedMutations.claim({ id: mutation.id, orgId: user.orgId, userId: user.id, kind: mutation.kind }, applied);
    if (!claimed) {
      const previous = await repos.appliedMutations.get(mutation.id);
      // Only the author's own replay sees the result; someone else reusing the id learns nothing.
      if (previous && previous.orgId === user.orgId && previous.userId === user.id && previous.result) {
        return previous.result;
      }
      return {
        mutationId: mutation.id,
        status: 'rejected',
        code: 'conflict',
        reason: 'This change id was already used for a different change.',
      };
    }
    const rejection = await runHandler(repos, user, mutation);
    if (!rejection) return applied;
    const rejected: MutationResult = { mutationId: mutation.id, status: 'rejected', code: rejection.code, reason: rejection.reason };
    await repos.appliedMutations.setResult(mutation.id, rejected);
    return rejected;
  }, actorOf(user, mutation.kind));
}

function runHandler(repos: Parameters<typeof mutationHandlers['note.create']>[0], user: AuthedUser, m: Mutation) {
  // The discriminated union narrows per case; TypeScript cannot correlate handler and payload
  // through an index, hence the one cast here.
  const handler = mutationHandlers[m.kind] as (r: typeof repos, u: AuthedUser, p: Mutation['payload']) => ReturnType<
    (typeof mutationHandlers)['note.create']
  >;
  return handler(repos, user, m.payload);
}

import { ourFirstReply } from '../../../shared/domain/service-thread';
import type { LocalDb } from '../../local-db/db';
import { changeServiceItem } from '../../local-db/mutations/service-items';
import { replicaSideLookups } from '../../local-db/queries/replica-lookups';
import { waitingInThread } from '../../local-db/queries/service-items';
import type { ThreadContext } from '../../../shared/schemas/host-context';

/**
 * "We replied in the thread": our first message after the one a request or complaint was logged
 * from stops its clock (shared/domain/service-thread, the rule mail ingestion applies too). The
 * page shows no send times, so the reply counts from when the page showed it; ingestion later
 * puts in the real send time when it is earlier.
 */
export async function serviceFirstReply(db: LocalDb, context: ThreadContext): Promise<boolean> {
  const waiting = await waitingInThread(db, `${context.host}:${context.threadId}`);
  if (waiting.length === 0) return false;
  const lookups = await replicaSideLookups(db, context.account);
  let changed = false;
  for (const item of waiting) {
    const reply = await ourFirstReply(item, context.messages, lookups);
    if (!reply) continue;
    await changeServiceItem(db, item.id, { kind: 'service.firstReply', payload: { repliedAt: new Date().toISOString(), messageId: reply.id } });
    changed = true;
  }
  return changed;
}

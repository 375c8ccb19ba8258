import { customerReplyIn, threadRefOf } from '../../../shared/domain/no-reply-rule';
import { markCustomerReplied } from '../../local-db/mutations/change-follow-up';
import { openWatching } from '../../local-db/queries/follow-ups';
import { replicaSideLookups } from '../../local-db/queries/replica-lookups';
import type { ThreadRule } from './index';

/**
 * "Follow up if no reply": when the open conversation shows a new message from the customer's
 * side, its waiting follow-ups end as "the customer replied" (shared no-reply rule; mail
 * ingestion applies the same rule on the server).
 */
export const closeWhenCustomerReplies: ThreadRule = async (db, context) => {
  const watching = await openWatching(db, threadRefOf(context.host, context.threadId));
  if (watching.length === 0) return false;
  const lookups = await replicaSideLookups(db, context.account);
  let changed = false;
  for (const followUp of watching) {
    if (!followUp.replyWatch) continue;
    const reply = await customerReplyIn({ ...followUp, replyWatch: followUp.replyWatch }, context.messages, lookups);
    if (!reply) continue;
    await markCustomerReplied(db, followUp.id, reply.id, new Date().toISOString());
    changed = true;
  }
  return changed;
};

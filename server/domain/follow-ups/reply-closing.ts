import { normaliseEmail } from '../../../shared/domain/email';
import { customerReplyIn, type SeenMessage } from '../../../shared/domain/no-reply-rule';
import type { SideLookups } from '../../../shared/domain/thread-reply';
import { endedBy, type ThreadRef } from '../../../shared/schemas/follow-up';
import type { Store } from '../../storage/repositories/index';
import { closeStillOpen } from './rule-writes';

export type ThreadSeen = {
  orgId: string;
  /** `<host>:<thread id>`, e.g. `gmail:18f3a2b4c5d6e7f1` (the provider's thread id). */
  threadRef: ThreadRef;
  /** The thread's messages as ingestion read them, oldest first, with send times. */
  messages: SeenMessage[];
  /** The mailbox the mail was read from: its own address is "our side" too. */
  mailbox?: string | null;
};

/**
 * "Close when the customer replies", fed by mail ingestion (issue 5): the same shared rule the
 * extension applies to the open thread (shared/domain/no-reply-rule), with the server's own
 * matching lookups. Returns the ids of the follow-ups it ended.
 */
export async function closeOnCustomerReply(store: Store, seen: ThreadSeen): Promise<string[]> {
  const { repos } = store;
  const watching = await repos.followUps.listOpenWatching(seen.orgId, seen.threadRef);
  if (watching.length === 0) return [];
  const ours = new Set((await repos.followUpRules.memberEmails(seen.orgId)).map(normaliseEmail));
  if (seen.mailbox) ours.add(normaliseEmail(seen.mailbox));
  const lookups: SideLookups = {
    isOurAddress: (address) => ours.has(normaliseEmail(address)),
    contactsByEmailKey: (key) => repos.contacts.listByEmailKey(seen.orgId, key),
    customerIdsByDomain: (domain) => repos.customers.listIdsByDomain(seen.orgId, domain),
  };
  const ends = [];
  for (const followUp of watching) {
    const reply = await customerReplyIn({ ...followUp, replyWatch: followUp.replyWatch! }, seen.messages, lookups);
    if (!reply) continue;
    const completedAt = reply.sentAt ? new Date(reply.sentAt).toISOString() : new Date().toISOString();
    ends.push({ id: followUp.id, end: endedBy('customer_reply', completedAt) });
  }
  await closeStillOpen(store, seen.orgId, ends, 'ingestion.reply-closing');
  return ends.map((e) => e.id);
}

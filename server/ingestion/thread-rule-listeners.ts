import { closeOnCustomerReply } from '../domain/follow-ups/reply-closing';
import { createServiceMailService } from '../domain/service-mail';
import type { Store } from '../storage/repositories/index';
import type { MessageLinked, MessageLinkedListener } from './message-linked';

/**
 * The conversation a linked message belongs to, as the issue-4 thread rules take it: named the
 * way its web page names it, with every message this mailbox holds of it (oldest first, with
 * send times), so a rule sees the message a follow-up or request was logged after even when it
 * was imported long before (events come once per message and mailbox, and only for new ones).
 */
async function threadMailOf(event: MessageLinked, store: Store) {
  const { threadRef, providerThreadId } = event;
  if (!threadRef || !providerThreadId) return null;
  // The event's own message is committed already, its source carrying this mailbox's thread id.
  const messages = await store.repos.threadMessages.ofMailbox(event.orgId, event.accountId, providerThreadId);
  return { orgId: event.orgId, threadRef, messages, mailbox: event.mailboxAddress };
}

/** A reply from the customer's side closes the thread's "follow up if no reply" follow-ups (4A). */
export const closeNoReplyFollowUps: MessageLinkedListener = {
  name: 'close-no-reply-follow-ups',
  async handle(event, store) {
    if (event.direction !== 'inbound' || !event.threadRef) return;
    const watching = await store.repos.followUps.listOpenWatching(event.orgId, event.threadRef);
    if (watching.length === 0) return;
    const mail = await threadMailOf(event, store);
    if (mail) await closeOnCustomerReply(store, mail);
  },
};

/**
 * The service clock of requests and complaints logged from the thread (4B): the customer's mail
 * starts it when it arrived, our first message after it is the first reply.
 */
export const serviceClockFromMail: MessageLinkedListener = {
  name: 'service-clock-from-mail',
  async handle(event, store) {
    if (!event.threadRef) return;
    const items = await store.repos.serviceItems.listInThread(event.orgId, event.threadRef);
    if (items.length === 0) return;
    const mail = await threadMailOf(event, store);
    if (mail) await createServiceMailService(store).recordThreadMessages(mail);
  },
};

import type { ThreadMessage } from '../schemas/host-context';
import { firstNewMessageFrom, sideOf, type SideLookups } from './thread-reply';

/**
 * What a conversation says about a service item logged from it, for both feeds: the extension
 * reading the open thread (message ids, no times) and mail ingestion reading the provider (ids
 * and send times). "New" is after the message that was newest when the item was logged
 * (afterMessageId); when that one is not among the messages, only send times can tell, and
 * without them nothing counts (a clock left running beats one stopped by an old message).
 */
export type MessageSeen = ThreadMessage & { sentAt?: string | undefined };
type LoggedItem = { customerId: string; afterMessageId: string | null; receivedAt: string };

/** Our first message after the item was logged: its first reply. */
export async function ourFirstReply(item: LoggedItem, messages: readonly MessageSeen[], lookups: SideLookups): Promise<MessageSeen | null> {
  if (item.afterMessageId !== null && messages.some((m) => m.id === item.afterMessageId)) {
    const reply = await firstNewMessageFrom('ours', item, messages, lookups);
    return reply ? (messages.find((m) => m.id === reply.id) ?? null) : null;
  }
  if (!messages.every((m) => m.sentAt)) return null;
  const since = Date.parse(item.receivedAt);
  for (const message of messages) {
    if (Date.parse(message.sentAt!) > since && (await sideOf(message.from, item.customerId, lookups)) === 'ours') return message;
  }
  return null;
}

/**
 * The customer's mail the item was logged from: the newest customer-side message up to the one
 * that was newest then. Its arrival is when the clock really started.
 */
export async function inboundMessage(item: LoggedItem, messages: readonly MessageSeen[], lookups: SideLookups): Promise<MessageSeen | null> {
  const end = messages.findIndex((m) => m.id === item.afterMessageId);
  if (end < 0) return null;
  for (let i = end; i >= 0; i--) {
    if ((await sideOf(messages[i]!.from, item.customerId, lookups)) === 'customer') return messages[i]!;
  }
  return null;
}

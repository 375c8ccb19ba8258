import type { ReplyWatch } from '../schemas/follow-up';
import type { ThreadMessage } from '../schemas/host-context';
import { firstNewMessageFrom, sideOf, type SideLookups } from './thread-reply';

/**
 * "Follow up if no reply" (DOMAIN.md "Follow-ups"): the follow-up closes itself when the
 * customer writes in the watched thread after it was made. One rule for both feeds: the
 * extension reading the open thread (message ids only) and mail ingestion reading the provider
 * (ids and send times).
 */
/** The conversation a watch names: `<host>:<thread id>` (threadRefSchema). */
export function threadRefOf(host: string, threadId: string): string {
  return `${host}:${threadId}`;
}

export type SeenMessage = ThreadMessage & { sentAt?: string | undefined };

export type WatchingFollowUp = { customerId: string; replyWatch: ReplyWatch; createdAt: string };

/**
 * The customer's first message after the watch began, or null. New = after the message that was
 * newest when the follow-up was made; when that one is not among `messages` (or was unknown), and
 * every message has a send time, after the follow-up's creation. Otherwise nothing counts as
 * new: a follow-up left open is better than one closed by an old message.
 */
export async function customerReplyIn(
  followUp: WatchingFollowUp,
  messages: readonly SeenMessage[],
  lookups: SideLookups,
): Promise<SeenMessage | null> {
  const { afterMessageId } = followUp.replyWatch;
  if (afterMessageId !== null && messages.some((m) => m.id === afterMessageId)) {
    const reply = await firstNewMessageFrom('customer', { customerId: followUp.customerId, afterMessageId }, messages, lookups);
    return reply ? (messages.find((m) => m.id === reply.id) ?? null) : null;
  }
  if (!messages.every((m) => m.sentAt)) return null;
  const since = Date.parse(followUp.createdAt);
  for (const message of messages) {
    if (Date.parse(message.sentAt!) <= since) continue;
    if ((await sideOf(message.from, followUp.customerId, lookups)) === 'customer') return message;
  }
  return null;
}

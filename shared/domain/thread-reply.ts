import type { ThreadMessage } from '../schemas/host-context';
import { matchCustomers, type MatchLookups } from './customer-match';

/**
 * Which side wrote a message, for the rules that wait on a reply in a conversation: a "no reply"
 * follow-up closes when the CUSTOMER writes, a service request's first reply is when WE write.
 * The customer side is decided by the same matching rules the sidebar uses (contact address,
 * else the customer's domain, never free mail), so the extension (reading the page) and mail
 * ingestion (reading the provider) reach the same verdict.
 */
export type MessageSide = 'ours' | 'customer' | 'other';

export type SideLookups = MatchLookups & {
  /** The signed-in mailbox or any member of the organisation. */
  isOurAddress(address: string): boolean;
};

export async function sideOf(address: string, customerId: string, lookups: SideLookups): Promise<MessageSide> {
  if (lookups.isOurAddress(address)) return 'ours';
  const matches = await matchCustomers(address, lookups);
  return matches.some((m) => m.customerId === customerId) ? 'customer' : 'other';
}

/**
 * The messages a page shows after the one that was newest when the watch began. When that one
 * is not on the page (collapsed, or the watch began without an id) old and new cannot be told
 * apart, so nothing counts as new: better a follow-up that stays open than one closed by an old
 * message.
 */
export function messagesAfter(messages: readonly ThreadMessage[], afterMessageId: string | null): ThreadMessage[] {
  if (afterMessageId === null) return [];
  const index = messages.findIndex((m) => m.id === afterMessageId);
  return index < 0 ? [] : messages.slice(index + 1);
}

/** The first new message (see messagesAfter) written by `side`, or null. */
export async function firstNewMessageFrom(
  side: Exclude<MessageSide, 'other'>,
  watch: { customerId: string; afterMessageId: string | null },
  messages: readonly ThreadMessage[],
  lookups: SideLookups,
): Promise<ThreadMessage | null> {
  for (const message of messagesAfter(messages, watch.afterMessageId)) {
    if ((await sideOf(message.from, watch.customerId, lookups)) === side) return message;
  }
  return null;
}

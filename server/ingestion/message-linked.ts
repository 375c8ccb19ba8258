import type { Store } from '../storage/repositories/index';

/**
 * Emitted once per message and mailbox, when ingestion first links it to a customer from that
 * mailbox and has committed it (a message several colleagues received comes once per mailbox).
 * The seam for rules that react to mail (issue 4: inbound customer mail starts the service clock;
 * a reply in a thread closes its "no reply" follow-ups): they register a listener in
 * message-linked-listeners.ts and never reach into providers or ingestion state.
 */
export type MessageLinked = {
  orgId: string;
  customerId: string;
  timelineItemId: string;
  direction: 'inbound' | 'outbound';
  /** The same for every message of a conversation in every mailbox: root of References, else In-Reply-To, else own id. */
  threadKey: string;
  /**
   * The conversation as this mailbox's web page names it, `<host>:<provider thread id>` (e.g.
   * `gmail:18f3a2b4c5d6e7f1`): what follow-ups and service items logged from the page watch.
   * Gmail's thread and message ids belong to one mailbox, so this names this mailbox's copy.
   */
  threadRef: string | null;
  /** The provider's thread id in this mailbox (Gmail threadId, Graph conversationId). */
  providerThreadId: string | null;
  /** The message's id in this mailbox, which is also the id its web page shows. */
  providerId: string;
  /** RFC 5322 Message-ID without brackets; null when the message has none. */
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  fromAddress: string | null;
  sentAt: string;
  /** The user and the connected account whose mailbox the message was imported from. */
  mailboxUserId: string;
  accountId: string;
  /** That mailbox's address (our side, even when it is not the user's sign-in address). */
  mailboxAddress: string;
};

/**
 * Listeners run after the page's transaction committed, one event at a time, in message order.
 * A failing listener is logged and does not stop ingestion or other listeners; delivery is
 * therefore at most once, so a listener must be idempotent and may reconcile from timeline
 * items (direction, message ids) if it needs certainty.
 */
export type MessageLinkedListener = {
  name: string;
  handle(event: MessageLinked, store: Store): Promise<void>;
};

export function threadKeyOf(m: { references: string[]; inReplyTo: string | null; messageId: string | null; provider: string; threadRef: string | null; providerId: string }): string {
  return m.references[0] ?? m.inReplyTo ?? m.messageId ?? `${m.provider}:${m.threadRef ?? m.providerId}`;
}

export async function emitMessageLinked(
  listeners: readonly MessageLinkedListener[],
  events: MessageLinked[],
  store: Store,
  log: (message: string, error: unknown) => void,
): Promise<void> {
  for (const event of events) {
    for (const listener of listeners) {
      try {
        await listener.handle(event, store);
      } catch (error) {
        log(`[ingestion] message-linked listener ${listener.name} failed for item ${event.timelineItemId}:`, error);
      }
    }
  }
}

import { clockStartEffects, firstReplyEffects } from '../../shared/domain/service-effects';
import { inboundMessage, ourFirstReply, type MessageSeen } from '../../shared/domain/service-thread';
import type { ThreadRef } from '../../shared/schemas/follow-up';
import type { Store } from '../storage/repositories/index';
import { serverSideLookups } from './side-lookups';
import { systemActor } from './auth-service';

export type ThreadMail = {
  orgId: string;
  /** `<host>:<thread id>` with the provider's thread id, e.g. `gmail:18f3a2b4c5d6e7f1`. */
  threadRef: ThreadRef;
  /** The thread's messages as ingestion read them, oldest first, with their send times. */
  messages: readonly MessageSeen[];
  /** The mailbox the mail was read from: its own address is our side too. */
  mailbox?: string | null;
};

/**
 * The service rules fed by mail ingestion (issue 5), the same shared rules the extension applies
 * to the open thread: the customer's mail an item was logged from starts its clock when it
 * ARRIVED (not when someone logged it), and our first message after it is the first reply, at
 * its send time (earlier than the page could tell; the earlier time stands). Returns the ids of
 * the items it changed; calling it again with the same mail changes nothing.
 */
export function createServiceMailService(store: Store) {
  return {
    async recordThreadMessages(mail: ThreadMail): Promise<string[]> {
      return store.transaction(async (repos) => {
        const items = await repos.serviceItems.listInThread(mail.orgId, mail.threadRef);
        if (items.length === 0) return [];
        // In turn: a transaction's queries share one connection.
        const lookups = await serverSideLookups(repos, mail.orgId, mail.mailbox ?? null);
        const settings = await repos.orgSettings.effective(mail.orgId);
        const changed: string[] = [];
        for (const item of items) {
          const inbound = await inboundMessage(item, mail.messages, lookups);
          const started = inbound?.sentAt ? clockStartEffects(item, inbound.sentAt, settings) : null;
          const current = started?.ok ? { ...item, ...started.effects.item } : item;
          const reply = await ourFirstReply(current, mail.messages, lookups);
          const replied = reply?.sentAt ? firstReplyEffects(current, { id: item.id, repliedAt: reply.sentAt, messageId: reply.id }) : null;
          const fields = { ...(started?.ok ? started.effects.item : {}), ...(replied?.ok ? replied.effects.item : {}) };
          if (Object.keys(fields).length === 0) continue;
          await repos.serviceItems.update(mail.orgId, item.id, fields);
          await repos.changeLog.append(mail.orgId, 'serviceItem', item.id, 'upsert');
          changed.push(item.id);
        }
        return changed;
      }, systemActor('ingestion.service-thread'));
    },
  };
}

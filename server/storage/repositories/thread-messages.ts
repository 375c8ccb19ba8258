import type { Queryable } from '../database';

/** One imported message of a conversation as one mailbox holds it (the thread rules' input). */
export type MailboxThreadMessage = { id: string; from: string; sentAt: string };

/**
 * Issue 4 fed by issue 5: the messages of one conversation in one connected mailbox, oldest
 * first, with that mailbox's own message ids (Gmail's ids belong to a mailbox, and the page a
 * follow-up or request was logged from shows them). Found by the thread id this mailbox's copy
 * carries (the source row), not the item's thread_ref: a message stored once for the organisation
 * names the thread of whichever mailbox imported it first. Messages without a sender are left
 * out: no rule can place them on a side.
 */
export function threadMessagesRepository(q: Queryable) {
  return {
    async ofMailbox(orgId: string, accountId: string, providerThreadId: string): Promise<MailboxThreadMessage[]> {
      const rows = await q.query<{ id: string; from_address: string; occurred_at: Date | string }>(
        `SELECT s.provider_item_id AS id, t.from_address, t.occurred_at
           FROM timeline_item_sources s
           JOIN timeline_items t ON t.id = s.timeline_item_id
          WHERE s.account_id = $2 AND s.provider_thread_id = $3
            AND t.org_id = $1 AND t.deleted_at IS NULL AND t.from_address IS NOT NULL
          ORDER BY t.occurred_at, t.id`,
        [orgId, accountId, providerThreadId],
      );
      return rows.map((r) => ({ id: r.id, from: r.from_address, sentAt: new Date(r.occurred_at).toISOString() }));
    },
  };
}

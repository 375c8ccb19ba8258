/**
 * Thread ids per mailbox. A message several colleagues received is one timeline item, and its
 * thread_ref is the thread id of the mailbox that imported it first; but Gmail thread ids (and
 * Graph conversation ids) belong to one mailbox. The thread rules read a mailbox's conversation
 * by its own thread id (repositories/thread-messages.ts), so each source row now keeps the
 * thread id of its own copy, written by ingestion for every provider.
 *
 * Backfill: the other mailboxes' thread ids were never stored, and the providers are not asked
 * here (a migration makes no network calls). The item's thread_ref is the best there is: right
 * for the first importer's source; for the others it keeps exactly what the thread rules read
 * before (so nothing is lost), and it is right too wherever a provider gave several mailboxes
 * the same thread id. The next import of a message into a mailbox rewrites its source's value
 * with the mailbox's own; that happens only on a full resync (expired cursor, reconnection),
 * which nothing starts for this (docs/ingestion.md).
 *
 * The rules look sources up by account and thread; the primary key (account_id,
 * provider_item_id) would scan a mailbox's every source per message (EXPLAIN in the commit).
 * Nothing reads timeline_items by thread_ref any more, so 0008's index on it goes: ingestion
 * no longer pays for keeping it. PostgreSQL 15 syntax only.
 */
export const migration0012 = {
  version: 12,
  name: 'source-thread-ids',
  sql: `
ALTER TABLE timeline_item_sources ADD COLUMN provider_thread_id text;
UPDATE timeline_item_sources s SET provider_thread_id = t.thread_ref
  FROM timeline_items t WHERE t.id = s.timeline_item_id AND t.thread_ref IS NOT NULL;
CREATE INDEX timeline_item_sources_thread_idx ON timeline_item_sources (account_id, provider_thread_id)
  WHERE provider_thread_id IS NOT NULL;
DROP INDEX timeline_items_thread_ref_idx
`,
};

import type { MailParty } from '../../../shared/schemas/timeline';
import type { Queryable } from '../database';

/** An email or meeting ready to store, linked to its customer (server/ingestion/link-items.ts). */
export type ImportedItem = {
  id: string;
  dedupeKey: string;
  providerItemId: string;
  kind: 'email' | 'meeting';
  customerId: string;
  contactIds: string[];
  occurredAt: string;
  summary: string;
  subject: string;
  direction: 'inbound' | 'outbound' | null;
  messageId: string | null;
  threadRef: string | null;
  inReplyTo: string | null;
  referenceIds: string[];
  fromAddress: string | null;
  participants: MailParty[];
  participantKeys: string[];
  participantDomains: string[];
  endsAt: string | null;
  location: string | null;
  body: string;
};

/** An imported item as its reader gets it beyond the shared facts (bodies, their own thread). */
export type ReadableCopy = { body: string | null; threadId: string | null };

export type MailboxRef = { accountId: string; orgId: string; userId: string; provider: string; sharing: number };
/** `newInMailbox`: items this mailbox did not hold before (new, or known from another mailbox only). */
export type UpsertResult = { idByKey: Map<string, string>; newInMailbox: string[]; changed: string[] };

/** Imported mail and meetings: upserts keyed by dedupe key, their mailbox sources and bodies. */
export function importedItemsRepository(q: Queryable) {
  return {
    /**
     * One statement for a page of items. A new key inserts; a known key gains this mailbox as
     * an owner (and this mailbox's sharing, if wider); a deleted item comes back linked anew.
     * Items that did not change are not returned by the upsert and need no change-log entry.
     */
    async upsert(box: MailboxRef, items: ImportedItem[]): Promise<UpsertResult> {
      if (items.length === 0) return { idByKey: new Map(), newInMailbox: [], changed: [] };
      const rows = items.map((i) => ({
        id: i.id,
        customer_id: i.customerId,
        kind: i.kind,
        occurred_at: i.occurredAt,
        contact_ids: i.contactIds,
        summary: i.summary,
        source_ref: i.threadRef,
        dedupe_key: i.dedupeKey,
        direction: i.direction,
        subject: i.subject,
        message_id: i.messageId,
        thread_ref: i.threadRef,
        in_reply_to: i.inReplyTo,
        reference_ids: i.referenceIds,
        from_address: i.fromAddress,
        participants: i.participants,
        participant_keys: i.participantKeys,
        participant_domains: i.participantDomains,
        ends_at: i.endsAt,
        location: i.location,
      }));
      const changed = await q.query<{ id: string }>(
        `INSERT INTO timeline_items (id, org_id, customer_id, kind, occurred_at, author_user_id, contact_ids, summary,
           source_ref, dedupe_key, provider, direction, subject, message_id, thread_ref, in_reply_to, reference_ids,
           from_address, participants, participant_keys, participant_domains, ends_at, location, mailbox_user_ids, sharing)
         SELECT r.id, $1, r.customer_id, r.kind, r.occurred_at, $2, r.contact_ids, r.summary, r.source_ref, r.dedupe_key,
                $3, r.direction, r.subject, r.message_id, r.thread_ref, r.in_reply_to, r.reference_ids, r.from_address,
                r.participants, r.participant_keys, r.participant_domains, r.ends_at, r.location, ARRAY[$2]::uuid[], $4
           FROM jsonb_to_recordset($5::jsonb) AS r(id uuid, customer_id uuid, kind text, occurred_at timestamptz,
                contact_ids uuid[], summary text, source_ref text, dedupe_key text, direction text, subject text,
                message_id text, thread_ref text, in_reply_to text, reference_ids text[], from_address text,
                participants jsonb, participant_keys text[], participant_domains text[], ends_at timestamptz, location text)
         ON CONFLICT (org_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO UPDATE SET
           mailbox_user_ids = CASE WHEN timeline_items.mailbox_user_ids @> EXCLUDED.mailbox_user_ids
             THEN timeline_items.mailbox_user_ids ELSE timeline_items.mailbox_user_ids || EXCLUDED.mailbox_user_ids END,
           sharing = GREATEST(timeline_items.sharing, EXCLUDED.sharing),
           customer_id = CASE WHEN timeline_items.deleted_at IS NULL THEN timeline_items.customer_id ELSE EXCLUDED.customer_id END,
           contact_ids = CASE WHEN timeline_items.deleted_at IS NULL THEN timeline_items.contact_ids ELSE EXCLUDED.contact_ids END,
           deleted_at = NULL
         WHERE NOT (timeline_items.mailbox_user_ids @> EXCLUDED.mailbox_user_ids)
            OR timeline_items.sharing < EXCLUDED.sharing OR timeline_items.deleted_at IS NOT NULL
         RETURNING id`,
        [box.orgId, box.userId, box.provider, box.sharing, JSON.stringify(rows)],
      );
      const all = await q.query<{ id: string; dedupe_key: string }>(
        'SELECT id, dedupe_key FROM timeline_items WHERE org_id = $1 AND dedupe_key = ANY($2::text[])',
        [box.orgId, items.map((i) => i.dedupeKey)],
      );
      const idByKey = new Map(all.map((r) => [r.dedupe_key, r.id]));
      // A new source row: the message is new to this mailbox, though maybe not to the organisation.
      // Each source keeps this mailbox's own thread id (the item's names the first importer's);
      // a re-import rewrites it, which also corrects rows migration 0012 could only guess. A
      // source whose thread id changed (`rethreaded`; `prior` is the table before this statement)
      // changes what its owner's replica shows (imported.threadRef), so the item is logged again.
      const sources = await q.query<{ timeline_item_id: string; fresh: boolean; rethreaded: boolean }>(
        `WITH prior AS (
           SELECT provider_item_id, provider_thread_id FROM timeline_item_sources
            WHERE account_id = $1 AND provider_item_id = ANY($4::text[])),
         written AS (
           INSERT INTO timeline_item_sources (account_id, provider_item_id, timeline_item_id, org_id, user_id, provider_thread_id)
           SELECT $1, p, t, $2, $3, th FROM unnest($4::text[], $5::uuid[], $6::text[]) AS u(p, t, th)
           ON CONFLICT (account_id, provider_item_id) DO UPDATE SET
             timeline_item_id = EXCLUDED.timeline_item_id, provider_thread_id = EXCLUDED.provider_thread_id
           RETURNING provider_item_id, timeline_item_id, provider_thread_id, (xmax = 0) AS fresh)
         SELECT w.timeline_item_id, w.fresh,
                (prior.provider_item_id IS NOT NULL AND prior.provider_thread_id IS DISTINCT FROM w.provider_thread_id) AS rethreaded
           FROM written w LEFT JOIN prior ON prior.provider_item_id = w.provider_item_id`,
        [
          box.accountId,
          box.orgId,
          box.userId,
          items.map((i) => i.providerItemId),
          items.map((i) => idByKey.get(i.dedupeKey)),
          items.map((i) => i.threadRef),
        ],
      );
      const withBody = items.filter((i) => i.body !== '');
      await q.query(
        `INSERT INTO timeline_item_bodies (timeline_item_id, org_id, body)
         SELECT t, $1, b FROM unnest($2::uuid[], $3::text[]) AS u(t, b) ON CONFLICT (timeline_item_id) DO NOTHING`,
        [box.orgId, withBody.map((i) => idByKey.get(i.dedupeKey)), withBody.map((i) => i.body)],
      );
      return {
        idByKey,
        newInMailbox: [...new Set(sources.filter((r) => r.fresh).map((r) => r.timeline_item_id))],
        changed: [...new Set([...changed.map((r) => r.id), ...sources.filter((r) => r.rethreaded).map((r) => r.timeline_item_id)])],
      };
    },

    /**
     * The mailbox no longer holds these provider items. An item another mailbox still holds
     * keeps that owner; one nobody holds any more is soft-deleted. Returns the items whose
     * owners changed (upsert) and those deleted.
     */
    async removeSources(accountId: string, providerItemIds: string[]): Promise<{ updated: string[]; deleted: string[] }> {
      if (providerItemIds.length === 0) return { updated: [], deleted: [] };
      const gone = await q.query<{ timeline_item_id: string }>(
        'DELETE FROM timeline_item_sources WHERE account_id = $1 AND provider_item_id = ANY($2::text[]) RETURNING timeline_item_id',
        [accountId, providerItemIds],
      );
      return recomputeOwners(q, [...new Set(gone.map((g) => g.timeline_item_id))]);
    },

    /** The wider of the owning mailboxes' sharing, after a mailbox's setting changed. */
    async refreshSharing(accountId: string): Promise<string[]> {
      const rows = await q.query<{ id: string }>(
        `UPDATE timeline_items t SET sharing = s.level FROM (
           SELECT src.timeline_item_id AS id, max(a.sharing) AS level
             FROM timeline_item_sources src JOIN mail_accounts a ON a.id = src.account_id
            WHERE src.timeline_item_id IN (SELECT timeline_item_id FROM timeline_item_sources WHERE account_id = $1)
            GROUP BY src.timeline_item_id) s
         WHERE t.id = s.id AND t.sharing <> s.level AND t.deleted_at IS NULL RETURNING t.id`,
        [accountId],
      );
      return rows.map((r) => r.id);
    },

    /**
     * What a viewer may read of these items beyond their facts, for a pull or timeline page: the
     * body (capped, the replica needs no megabytes) and the thread id in the viewer's own
     * mailbox (the item's thread_ref names the first importer's; null when no mailbox of theirs
     * holds it).
     */
    async readableOf(viewerId: string, ids: string[], maxChars: number): Promise<Map<string, ReadableCopy>> {
      if (ids.length === 0) return new Map();
      const rows = await q.query<{ id: string; body: string | null; thread_id: string | null }>(
        `SELECT i.id, left(b.body, $2) AS body,
                (SELECT s.provider_thread_id FROM timeline_item_sources s
                  WHERE s.timeline_item_id = i.id AND s.user_id = $3 ORDER BY s.account_id LIMIT 1) AS thread_id
           FROM unnest($1::uuid[]) AS i(id) LEFT JOIN timeline_item_bodies b ON b.timeline_item_id = i.id`,
        [ids, maxChars, viewerId],
      );
      return new Map(rows.map((r) => [r.id, { body: r.body, threadId: r.thread_id }]));
    },

    /** Live imported items with a participant of this match key or domain. */
    async findByParticipant(orgId: string, match: { key?: string; domain?: string }): Promise<string[]> {
      const rows = await q.query<{ id: string }>(
        `SELECT id FROM timeline_items WHERE org_id = $1 AND deleted_at IS NULL AND dedupe_key IS NOT NULL
            AND (participant_keys @> ARRAY[$2]::text[] OR participant_domains @> ARRAY[$3]::text[])`,
        [orgId, match.key ?? '', match.domain ?? ''],
      );
      return rows.map((r) => r.id);
    },

    /** Only `userId`'s mailboxes let go of these items (a personal never-log entry). */
    async removeUserSources(userId: string, itemIds: string[]): Promise<{ updated: string[]; deleted: string[] }> {
      if (itemIds.length === 0) return { updated: [], deleted: [] };
      const gone = await q.query<{ timeline_item_id: string }>(
        'DELETE FROM timeline_item_sources WHERE user_id = $1 AND timeline_item_id = ANY($2::uuid[]) RETURNING timeline_item_id',
        [userId, itemIds],
      );
      return recomputeOwners(q, [...new Set(gone.map((g) => g.timeline_item_id))]);
    },

    /** Gone for good (an organisation-wide never-log entry): sources, body and row. */
    async purge(itemIds: string[]): Promise<void> {
      if (itemIds.length === 0) return;
      await q.query('DELETE FROM timeline_item_sources WHERE timeline_item_id = ANY($1::uuid[])', [itemIds]);
      await q.query('DELETE FROM timeline_item_bodies WHERE timeline_item_id = ANY($1::uuid[])', [itemIds]);
      await q.query('DELETE FROM timeline_items WHERE id = ANY($1::uuid[])', [itemIds]);
    },
  };
}

async function recomputeOwners(q: Queryable, itemIds: string[]): Promise<{ updated: string[]; deleted: string[] }> {
  if (itemIds.length === 0) return { updated: [], deleted: [] };
  const rows = await q.query<{ id: string; deleted: boolean }>(
    `UPDATE timeline_items t SET
       mailbox_user_ids = COALESCE(o.users, '{}'),
       sharing = COALESCE(o.level, 0),
       deleted_at = CASE WHEN o.users IS NULL THEN now() ELSE t.deleted_at END
       FROM (SELECT i.id, s.users, s.level FROM unnest($1::uuid[]) AS i(id) LEFT JOIN (
               SELECT src.timeline_item_id AS id, array_agg(DISTINCT src.user_id) AS users, max(a.sharing) AS level
                 FROM timeline_item_sources src JOIN mail_accounts a ON a.id = src.account_id
                WHERE src.timeline_item_id = ANY($1::uuid[]) GROUP BY src.timeline_item_id) s ON s.id = i.id) o
      WHERE t.id = o.id AND t.deleted_at IS NULL
      RETURNING t.id, (o.users IS NULL) AS deleted`,
    [itemIds],
  );
  // Deleted items also lose their bodies: nobody may read them any more.
  const deleted = rows.filter((r) => r.deleted).map((r) => r.id);
  if (deleted.length > 0) await q.query('DELETE FROM timeline_item_bodies WHERE timeline_item_id = ANY($1::uuid[])', [deleted]);
  return { updated: rows.filter((r) => !r.deleted).map((r) => r.id), deleted };
}

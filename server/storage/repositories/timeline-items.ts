import type { MailParty, TimelineItem, TimelineKind } from '../../../shared/schemas/timeline';
import type { Queryable } from '../database';
import { toIso, toIsoOrNull } from './row-mapping';

/** The stored facts of an imported mail or meeting; server/domain/visibility.ts decides what a viewer gets. */
export type ImportedFacts = {
  provider: string;
  direction: 'inbound' | 'outbound' | null;
  subject: string | null;
  fromAddress: string | null;
  participants: MailParty[];
  endsAt: string | null;
  location: string | null;
  mailboxUserIds: string[];
  /** 0 private, 1 metadata, 2 subject, 3 full. */
  sharing: number;
};

export type TimelineItemRow = Omit<TimelineItem, 'imported'> & { orgId: string; deleted: boolean; importedFacts: ImportedFacts | null };

// contact_ids cast to text[]: node-postgres has no parser for uuid[] on every version.
export const timelineItemColumns = `id, org_id, customer_id, kind, occurred_at, author_user_id, contact_ids::text[] AS contact_ids,
  summary, source_ref, private, created_at, deleted_at, dedupe_key, provider, direction, subject, from_address, participants,
  ends_at, location, mailbox_user_ids::text[] AS mailbox_user_ids, sharing`;
export type TimelineItemRaw = {
  id: string;
  org_id: string;
  customer_id: string;
  kind: TimelineKind;
  occurred_at: unknown;
  author_user_id: string | null;
  contact_ids: string[];
  summary: string;
  source_ref: string | null;
  private: boolean;
  created_at: unknown;
  deleted_at: unknown;
  dedupe_key: string | null;
  provider: string | null;
  direction: 'inbound' | 'outbound' | null;
  subject: string | null;
  from_address: string | null;
  participants: MailParty[] | null;
  ends_at: unknown;
  location: string | null;
  mailbox_user_ids: string[];
  sharing: number;
};
export const toTimelineItemRow = (r: TimelineItemRaw): TimelineItemRow => ({
  id: r.id,
  orgId: r.org_id,
  customerId: r.customer_id,
  kind: r.kind,
  occurredAt: toIso(r.occurred_at),
  authorUserId: r.author_user_id,
  contactIds: r.contact_ids,
  summary: r.summary,
  sourceRef: r.source_ref,
  private: r.private,
  createdAt: toIso(r.created_at),
  deleted: r.deleted_at !== null,
  importedFacts:
    r.dedupe_key === null
      ? null
      : {
          provider: r.provider ?? '',
          direction: r.direction,
          subject: r.subject,
          fromAddress: r.from_address,
          participants: r.participants ?? [],
          endsAt: toIsoOrNull(r.ends_at),
          location: r.location,
          mailboxUserIds: r.mailbox_user_ids,
          sharing: Number(r.sharing),
        },
});

export type NewTimelineItem = Omit<TimelineItem, 'createdAt' | 'imported'>;

export function timelineItemsRepository(q: Queryable) {
  return {
    async insert(orgId: string, t: NewTimelineItem): Promise<void> {
      await q.query(
        `INSERT INTO timeline_items
           (id, org_id, customer_id, kind, occurred_at, author_user_id, contact_ids, summary, source_ref, private)
         VALUES ($1, $2, $3, $4, $5, $6, $7::uuid[], $8, $9, $10)`,
        [t.id, orgId, t.customerId, t.kind, t.occurredAt, t.authorUserId, t.contactIds, t.summary, t.sourceRef, t.private],
      );
    },
    async exists(id: string): Promise<boolean> {
      return (await q.query('SELECT 1 FROM timeline_items WHERE id = $1', [id])).length > 0;
    },
    async listByIds(orgId: string, ids: string[]): Promise<TimelineItemRow[]> {
      const rows = await q.query<TimelineItemRaw>(
        `SELECT ${timelineItemColumns} FROM timeline_items WHERE org_id = $1 AND id = ANY($2::uuid[])`,
        [orgId, ids],
      );
      return rows.map(toTimelineItemRow);
    },
    async softDeleteByCustomer(orgId: string, customerId: string): Promise<string[]> {
      const rows = await q.query<{ id: string }>(
        `UPDATE timeline_items SET deleted_at = now()
          WHERE org_id = $1 AND customer_id = $2 AND deleted_at IS NULL RETURNING id`,
        [orgId, customerId],
      );
      return rows.map((r) => r.id).sort();
    },
  };
}

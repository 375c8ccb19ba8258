import type { FollowUp, FollowUpClosedBy, FollowUpPurpose } from '../../../shared/schemas/follow-up';
import type { Queryable } from '../database';
import { recordTable, type StoredRecord } from './record-table';

export type FollowUpRow = StoredRecord<FollowUp>;

/** How a follow-up ends: by a person (done / skipped), the customer's reply or a logged touch. */
export type FollowUpEnd = {
  status: 'done' | 'skipped';
  closedBy: FollowUpClosedBy;
  completedAt: string;
  completedByUserId: string | null;
  outcome: string | null;
  satisfaction: number | null;
};

const endColumns = `status = $3, closed_by = $4, completed_at = $5, completed_by_user_id = $6, outcome = $7, satisfaction = $8,
  version = version + 1, updated_at = now()`;
const endParams = (e: FollowUpEnd) => [e.status, e.closedBy, e.completedAt, e.completedByUserId, e.outcome, e.satisfaction];

const table = recordTable<FollowUp>('follow_ups', {
  customerId: { column: 'customer_id', kind: 'value' },
  contactId: { column: 'contact_id', kind: 'value' },
  ownerUserId: { column: 'owner_user_id', kind: 'value' },
  dueAt: { column: 'due_at', kind: 'instant' },
  reason: { column: 'reason', kind: 'value' },
  purpose: { column: 'purpose', kind: 'value' },
  source: { column: 'source', kind: 'value' },
  status: { column: 'status', kind: 'value' },
  replyWatch: { column: 'reply_watch', kind: 'jsonb' },
  sourceId: { column: 'source_id', kind: 'value' },
  occasion: { column: 'occasion', kind: 'jsonb' },
  completedAt: { column: 'completed_at', kind: 'instant?' },
  completedByUserId: { column: 'completed_by_user_id', kind: 'value' },
  outcome: { column: 'outcome', kind: 'value' },
  closedBy: { column: 'closed_by', kind: 'value' },
  satisfaction: { column: 'satisfaction', kind: 'int?' },
  createdByUserId: { column: 'created_by_user_id', kind: 'value' },
});

export function followUpsRepository(q: Queryable) {
  const base = table(q);
  return {
    ...base,
    /**
     * A follow-up a rule makes (cadence, complaint, visit, care): created once per dedupe key, so
     * a job that runs twice or in two processes at once makes it once. False: it already existed.
     */
    insertRuleMade(orgId: string, row: Omit<FollowUp, 'createdAt' | 'updatedAt' | 'version'>, dedupeKey: string) {
      return base.insert(orgId, row, { extra: { dedupe_key: dedupeKey }, ifAbsent: true });
    },
    /** Open follow-ups watching a conversation for the customer's reply. */
    listOpenWatching(orgId: string, threadRef: string): Promise<FollowUpRow[]> {
      return base.listWhere(
        orgId,
        `status = 'open' AND deleted_at IS NULL AND reply_watch IS NOT NULL AND reply_watch ->> 'threadRef' = $2`,
        [threadRef],
      );
    },
    /**
     * Ends a follow-up only if it is still open; false when it was not (already ended, deleted,
     * or ended meanwhile by a concurrent writer, whose row lock this waits for).
     */
    async closeIfOpen(orgId: string, id: string, end: FollowUpEnd): Promise<boolean> {
      const rows = await q.query(
        `UPDATE follow_ups SET ${endColumns} WHERE org_id = $1 AND id = $2 AND status = 'open' AND deleted_at IS NULL RETURNING id`,
        [orgId, id, ...endParams(end)],
      );
      return rows.length > 0;
    },
    /** Ends a customer's open follow-ups of these purposes (a logged touch ends its cadence ones); their ids. */
    async closeOpenOfCustomer(orgId: string, customerId: string, purposes: FollowUpPurpose[], end: FollowUpEnd): Promise<string[]> {
      const rows = await q.query<{ id: string }>(
        `UPDATE follow_ups SET ${endColumns}
          WHERE org_id = $1 AND customer_id = $2 AND purpose = ANY($9::text[]) AND status = 'open' AND deleted_at IS NULL
          RETURNING id`,
        [orgId, customerId, ...endParams(end), purposes],
      );
      return rows.map((r) => r.id).sort();
    },
    /**
     * Open follow-ups of an import (pass 2) in bulk: thousands of rows per statement, as the rest
     * of an import is written (import-data.ts). Only the fields an imported follow-up has.
     */
    async insertImported(orgId: string, rows: Omit<FollowUp, 'createdAt' | 'updatedAt' | 'version'>[]): Promise<void> {
      const columns = 'id, org_id, customer_id, contact_id, owner_user_id, due_at, reason, purpose, source, status, source_id, created_by_user_id';
      for (let i = 0; i < rows.length; i += 2000) {
        const chunk = rows.slice(i, i + 2000).map((f) => ({
          id: f.id,
          org_id: orgId,
          customer_id: f.customerId,
          contact_id: f.contactId,
          owner_user_id: f.ownerUserId,
          due_at: f.dueAt,
          reason: f.reason,
          purpose: f.purpose,
          source: f.source,
          status: f.status,
          source_id: f.sourceId,
          created_by_user_id: f.createdByUserId,
        }));
        await q.query(
          `INSERT INTO follow_ups (${columns}) SELECT ${columns} FROM jsonb_populate_recordset(NULL::follow_ups, $1::jsonb)`,
          [JSON.stringify(chunk)],
        );
      }
    },
    /** Open follow-ups the cadence job made, with the key naming their period. */
    async listOpenCadence(orgId: string): Promise<{ id: string; customerId: string; purpose: FollowUpPurpose; dedupeKey: string }[]> {
      const rows = await q.query<{ id: string; customer_id: string; purpose: FollowUpPurpose; dedupe_key: string }>(
        `SELECT id, customer_id, purpose, dedupe_key FROM follow_ups
          WHERE org_id = $1 AND source = 'cadence' AND status = 'open' AND deleted_at IS NULL AND dedupe_key IS NOT NULL
          ORDER BY id`,
        [orgId],
      );
      return rows.map((r) => ({ id: r.id, customerId: r.customer_id, purpose: r.purpose, dedupeKey: r.dedupe_key }));
    },
    // Issue 4B (service and visits).
    /**
     * The live follow-ups made from one record of a customer (a complaint's promise and return
     * visits, a visit's thank-you); by customer first, which follow_ups_customer_idx serves.
     */
    listBySource(orgId: string, customerId: string, sourceId: string): Promise<FollowUpRow[]> {
      return base.listWhere(orgId, 'customer_id = $2 AND source_id = $3 AND deleted_at IS NULL', [customerId, sourceId], 'ORDER BY due_at, id');
    },
  };
}

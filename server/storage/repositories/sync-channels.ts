import type { Queryable } from '../database';
import { toIsoOrNull, toNumber } from './row-mapping';

export type SyncChannelRow = {
  id: string;
  orgId: string;
  accountId: string;
  kind: 'mail' | 'calendar';
  resource: string;
  label: string;
  enabled: boolean;
  cursor: string | null;
  checkpoint: string | null;
  itemsImported: number;
  backlog: number | null;
  lastSuccessAt: string | null;
  lastRunAt: string | null;
  nextRunAt: string | null;
  failures: number;
  errorKind: string | null;
  errorMessage: string | null;
};

const columns = `id, org_id, account_id, kind, resource, label, enabled, cursor, checkpoint, items_imported, backlog,
  last_success_at, last_run_at, next_run_at, failures, error_kind, error_message`;
type Raw = Record<string, unknown>;
const map = (r: Raw): SyncChannelRow => ({
  id: String(r.id),
  orgId: String(r.org_id),
  accountId: String(r.account_id),
  kind: r.kind as SyncChannelRow['kind'],
  resource: String(r.resource),
  label: String(r.label),
  enabled: Boolean(r.enabled),
  cursor: (r.cursor as string | null) ?? null,
  checkpoint: (r.checkpoint as string | null) ?? null,
  itemsImported: toNumber(r.items_imported),
  backlog: r.backlog === null ? null : toNumber(r.backlog),
  lastSuccessAt: toIsoOrNull(r.last_success_at),
  lastRunAt: toIsoOrNull(r.last_run_at),
  nextRunAt: toIsoOrNull(r.next_run_at),
  failures: toNumber(r.failures),
  errorKind: (r.error_kind as string | null) ?? null,
  errorMessage: (r.error_message as string | null) ?? null,
});

/** A channel's cursor, checkpoint and health: everything a run needs lives here, not in memory. */
export function syncChannelsRepository(q: Queryable) {
  return {
    /**
     * The account's channels become exactly `specs`: new ones are added (due now), listed ones
     * are enabled (keeping their cursors), the rest are disabled.
     */
    async reconcile(orgId: string, accountId: string, specs: { id: string; kind: string; resource: string; label: string }[]) {
      for (const s of specs) {
        await q.query(
          `INSERT INTO sync_channels (id, org_id, account_id, kind, resource, label) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (account_id, kind, resource) DO UPDATE SET label = EXCLUDED.label, enabled = true`,
          [s.id, orgId, accountId, s.kind, s.resource, s.label],
        );
      }
      await q.query(
        `UPDATE sync_channels SET enabled = false
          WHERE account_id = $1 AND NOT ((kind || ':' || resource) = ANY($2::text[]))`,
        [accountId, specs.map((s) => `${s.kind}:${s.resource}`)],
      );
    },
    async get(id: string): Promise<SyncChannelRow | null> {
      const rows = await q.query<Raw>(`SELECT ${columns} FROM sync_channels WHERE id = $1`, [id]);
      return rows[0] ? map(rows[0]) : null;
    },
    async listByAccounts(accountIds: string[]): Promise<SyncChannelRow[]> {
      const rows = await q.query<Raw>(
        `SELECT ${columns} FROM sync_channels WHERE account_id = ANY($1::uuid[]) AND enabled ORDER BY kind DESC, label, id`,
        [accountIds],
      );
      return rows.map(map);
    },
    /**
     * Leases the oldest due channel of an active account of an active person (issue 7: a
     * deactivated user's mailbox is not read) that no live lease holds, for `owner`
     * (issue 8: several workers share the channels). SKIP LOCKED lets concurrent claims pass
     * each other instead of queueing; the outer UPDATE re-checks the lease on the locked row.
     */
    async claimDue(now: Date, owner: string, leaseMs: number, skip: readonly string[] = []): Promise<SyncChannelRow | null> {
      const rows = await q.query<Raw>(
        `UPDATE sync_channels SET lease_owner = $2, lease_until = clock_timestamp() + $3 * interval '1 millisecond'
          WHERE id = (
            SELECT c.id FROM sync_channels c JOIN mail_accounts a ON a.id = c.account_id
                  JOIN users u ON u.id = a.user_id AND u.deactivated_at IS NULL
             WHERE c.enabled AND a.status = 'active' AND c.next_run_at <= $1
               AND (c.lease_until IS NULL OR c.lease_until < clock_timestamp()) AND NOT (c.id = ANY($4::uuid[]))
             ORDER BY c.next_run_at, c.id LIMIT 1
             FOR UPDATE OF c SKIP LOCKED)
            AND (lease_until IS NULL OR lease_until < clock_timestamp())
          RETURNING ${columns}`,
        [now, owner, leaseMs, [...skip]],
      );
      return rows[0] ? map(rows[0]) : null;
    },
    /**
     * Extends `owner`'s lease. Inside a page's transaction it is the fence: it locks the row and
     * fails when another worker took the channel over, so a worker that lost its lease can
     * never commit a page.
     */
    async holdLease(id: string, owner: string, leaseMs: number): Promise<boolean> {
      const rows = await q.query(
        `UPDATE sync_channels SET lease_until = clock_timestamp() + $3 * interval '1 millisecond'
          WHERE id = $1 AND lease_owner = $2 RETURNING id`,
        [id, owner, leaseMs],
      );
      return rows.length === 1;
    },
    async releaseLease(id: string, owner: string): Promise<void> {
      await q.query('UPDATE sync_channels SET lease_owner = NULL, lease_until = NULL WHERE id = $1 AND lease_owner = $2', [id, owner]);
    },
    /** A page is committed: progress moves with the page's rows, in the same transaction. */
    async savePage(id: string, page: { checkpoint: string | null; cursor?: string; imported: number; backlog: number | null }) {
      await q.query(
        `UPDATE sync_channels SET checkpoint = $2, cursor = CASE WHEN $3::text IS NULL THEN cursor ELSE $3 END,
           items_imported = items_imported + $4, backlog = $5
         WHERE id = $1`,
        [id, page.checkpoint, page.cursor ?? null, page.imported, page.backlog],
      );
    },
    /** Cursor gone: the next pass is a full one over the window. */
    async resetCursor(id: string): Promise<void> {
      await q.query('UPDATE sync_channels SET cursor = NULL, checkpoint = NULL WHERE id = $1', [id]);
    },
    /** The run ends and its lease is released; a worker that lost the lease changes nothing. */
    async finishRun(
      id: string,
      owner: string,
      run: { at: Date; success: boolean; nextRunAt: Date; errorKind: string | null; errorMessage: string | null },
    ) {
      await q.query(
        `UPDATE sync_channels SET last_run_at = $2, next_run_at = $3,
           last_success_at = CASE WHEN $4 THEN $2 ELSE last_success_at END,
           failures = CASE WHEN $4 THEN 0 ELSE failures + 1 END, error_kind = $5, error_message = $6,
           lease_owner = NULL, lease_until = NULL
         WHERE id = $1 AND lease_owner = $7`,
        [id, run.at, run.nextRunAt, run.success, run.errorKind, run.errorMessage, owner],
      );
    },
    /** After a reconnect or a settings change: every channel of the account runs at once. */
    async wakeAccount(accountId: string, now: Date): Promise<void> {
      await q.query(
        `UPDATE sync_channels SET next_run_at = $2, error_kind = NULL, error_message = NULL, failures = 0 WHERE account_id = $1`,
        [accountId, now],
      );
    },
  };
}

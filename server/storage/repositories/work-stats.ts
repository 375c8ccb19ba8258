import type { Queryable } from '../database';
import { toNumber } from './row-mapping';

export type WorkStats = {
  /** Mail channels due and not held by a live lease: waiting for a worker. */
  channelsDue: number;
  /** How long the longest-waiting due channel has waited, in seconds. */
  oldestDueSeconds: number;
  channelsRunning: number;
  channelsFailing: number;
  channelsNeverSynced: number;
  /** The largest time since a channel of an active account last completed a run, in seconds. */
  syncLagSecondsMax: number;
  /** Cluster-wide jobs due and not held by a live lease. */
  jobsDue: number;
};

/** Figures for /metrics, across all organisations (counts only: no names, no addresses). */
export function workStatsRepository(q: Queryable) {
  return {
    async read(): Promise<WorkStats> {
      const [c] = await q.query<Record<string, unknown>>(
        `WITH ch AS (
           SELECT c.*, c.next_run_at <= clock_timestamp() AND (c.lease_until IS NULL OR c.lease_until < clock_timestamp()) AS due
             FROM sync_channels c JOIN mail_accounts a ON a.id = c.account_id
            WHERE c.enabled AND a.status = 'active')
         SELECT count(*) FILTER (WHERE due) AS due,
                coalesce(extract(epoch FROM clock_timestamp() - min(next_run_at) FILTER (WHERE due)), 0) AS oldest_due,
                count(*) FILTER (WHERE lease_until >= clock_timestamp()) AS running,
                count(*) FILTER (WHERE error_kind IS NOT NULL) AS failing,
                count(*) FILTER (WHERE last_success_at IS NULL) AS never,
                coalesce(extract(epoch FROM clock_timestamp() - min(last_success_at)), 0) AS lag
           FROM ch`,
      );
      const [j] = await q.query<Record<string, unknown>>(
        `SELECT count(*) AS due FROM job_leases
          WHERE next_run_at <= clock_timestamp() AND (lease_until IS NULL OR lease_until < clock_timestamp())`,
      );
      return {
        channelsDue: toNumber(c?.due),
        oldestDueSeconds: toNumber(c?.oldest_due),
        channelsRunning: toNumber(c?.running),
        channelsFailing: toNumber(c?.failing),
        channelsNeverSynced: toNumber(c?.never),
        syncLagSecondsMax: toNumber(c?.lag),
        jobsDue: toNumber(j?.due),
      };
    },
    /** The newest applied migration: readiness means the schema this code expects is there. */
    async schemaVersion(): Promise<number> {
      const [row] = await q.query<Record<string, unknown>>('SELECT coalesce(max(version), 0) AS v FROM schema_migrations');
      return toNumber(row?.v);
    },
  };
}

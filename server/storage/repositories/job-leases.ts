import type { Queryable } from '../database';

/**
 * Who runs a cluster-wide background job now, and when it is next due. A claim succeeds for one
 * worker only: the row is locked by the UPDATE, and the WHERE is re-checked on the latest row
 * version, so two workers claiming at once cannot both win. Expiry uses the database's clock.
 */
export function jobLeasesRepository(q: Queryable) {
  return {
    /**
     * Takes the job for `owner` if it is due (or `force`) and nobody holds a live lease.
     * Returns false when another worker has it or it is not due yet.
     */
    async claim(name: string, owner: string, leaseMs: number, force: boolean): Promise<boolean> {
      await q.query('INSERT INTO job_leases (name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [name]);
      const rows = await q.query(
        `UPDATE job_leases SET lease_owner = $2, lease_until = clock_timestamp() + $3 * interval '1 millisecond',
           last_started_at = clock_timestamp()
          WHERE name = $1 AND ($4 OR next_run_at <= clock_timestamp())
            AND (lease_until IS NULL OR lease_until < clock_timestamp())
          RETURNING name`,
        [name, owner, leaseMs, force],
      );
      return rows.length === 1;
    },
    /** Extends a lease still held by `owner`; false when it expired and someone else took it. */
    async renew(name: string, owner: string, leaseMs: number): Promise<boolean> {
      const rows = await q.query(
        `UPDATE job_leases SET lease_until = clock_timestamp() + $3 * interval '1 millisecond'
          WHERE name = $1 AND lease_owner = $2 RETURNING name`,
        [name, owner, leaseMs],
      );
      return rows.length === 1;
    },
    /** The run ended: the job is due again after `everyMs`, whoever runs it then. */
    async finish(name: string, owner: string, everyMs: number, error: string | null): Promise<void> {
      await q.query(
        `UPDATE job_leases SET lease_owner = NULL, lease_until = NULL, last_finished_at = clock_timestamp(),
           next_run_at = clock_timestamp() + $3 * interval '1 millisecond', last_error = $4
          WHERE name = $1 AND lease_owner = $2`,
        [name, owner, everyMs, error],
      );
    },
  };
}

/**
 * Work leases (issue 8): several worker processes share one database. A channel being imported
 * and a cluster-wide background job are each held by one worker at a time through a lease
 * (owner + expiry, renewed while the work runs); a crashed worker's lease runs out and another
 * worker takes the work over. Times are the database's clock, so workers on hosts whose clocks
 * disagree still agree on expiry. PostgreSQL 15 syntax only.
 */
export const migration0010 = {
  version: 10,
  name: 'work-leases',
  sql: `
ALTER TABLE sync_channels ADD COLUMN lease_owner text, ADD COLUMN lease_until timestamptz;

CREATE TABLE job_leases (
  name text PRIMARY KEY,
  lease_owner text,
  lease_until timestamptz,
  next_run_at timestamptz NOT NULL DEFAULT now(),
  last_started_at timestamptz,
  last_finished_at timestamptz,
  last_error text
);
`,
};

/**
 * Dry-run plans of CSV/Excel imports (issue 3). A plan is written by imports.plan and applied
 * at most once by imports.apply, possibly by another server process sharing the database, which
 * is why it lives here and not in one process's memory. Plans expire; expired ones are deleted
 * when the next plan is stored. PostgreSQL 15 syntax only.
 */
export const migration0004 = {
  version: 4,
  name: 'import-plans',
  sql: `
CREATE TABLE import_plans (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organisations (id),
  user_id uuid NOT NULL REFERENCES users (id),
  pass text NOT NULL CHECK (pass IN ('master', 'open_items')),
  file_name text NOT NULL,
  -- The dry-run report as returned to the caller, and the resolved operations apply will write.
  report jsonb NOT NULL,
  operations jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  applied_at timestamptz
);
CREATE INDEX import_plans_expiry_idx ON import_plans (expires_at)
`,
};

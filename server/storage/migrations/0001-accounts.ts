/**
 * Organisations, people, sign-in and the change log. Applied once, never edited: later changes
 * are new files (house rule 7). Plain SQL that PostgreSQL 15 and PGlite (18) both accept.
 */
export const migration0001 = {
  version: 1,
  name: 'accounts',
  sql: `
CREATE TABLE organisations (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  -- Bumped under the row lock for every change; see repositories/change-log.ts.
  last_change_seq bigint NOT NULL DEFAULT 0,
  -- Cursors below this seq may have missed a compacted tombstone and must reset.
  log_floor_seq bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organisations (id),
  email text NOT NULL,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('sales_rep', 'account_manager', 'support_lead', 'manager', 'admin')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deactivated_at timestamptz,
  UNIQUE (org_id, email)
);
-- Sign-in looks a person up by address before it knows the organisation.
CREATE INDEX users_email_idx ON users (email);

CREATE TABLE sign_in_codes (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  code_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX sign_in_codes_user_idx ON sign_in_codes (user_id);

CREATE TABLE auth_tokens (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  token_hash text NOT NULL UNIQUE,
  device_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  last_used_at timestamptz
);
CREATE INDEX auth_tokens_user_idx ON auth_tokens (user_id);

CREATE TABLE change_log (
  org_id uuid NOT NULL REFERENCES organisations (id),
  seq bigint NOT NULL,
  entity text NOT NULL CHECK (entity IN ('customer', 'contact', 'timelineItem', 'member')),
  entity_id uuid NOT NULL,
  op text NOT NULL CHECK (op IN ('upsert', 'delete')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, seq)
);
-- Compaction finds the latest entry per entity.
CREATE INDEX change_log_entity_idx ON change_log (org_id, entity, entity_id, seq);
`,
};

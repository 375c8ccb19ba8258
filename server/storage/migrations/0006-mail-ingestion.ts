/**
 * Mail and calendar ingestion (issue 5): connected accounts with encrypted refresh tokens, one
 * sync channel per account and folder/calendar (cursor and checkpoint live here, so any process
 * can resume a channel), imported mail and meetings as timeline items (one per RFC Message-ID
 * or iCalUID occurrence per organisation, reached by every mailbox that has it), bodies apart
 * from the items (owner-only unless shared), the never-log list and one-time OAuth states.
 * PostgreSQL 15 syntax only.
 */
export const migration0006 = {
  version: 6,
  name: 'mail-ingestion',
  sql: `
CREATE TABLE mail_accounts (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organisations (id),
  user_id uuid NOT NULL REFERENCES users (id),
  provider text NOT NULL,
  address text NOT NULL,
  display_name text,
  -- AES-256-GCM (server/ingestion/token-cipher.ts); NULL once disconnected.
  refresh_token_enc text,
  scopes text NOT NULL DEFAULT '',
  status text NOT NULL CHECK (status IN ('active', 'reconnect', 'disconnected')),
  -- What colleagues see of this mailbox's items: 0 nothing, 1 metadata, 2 subject, 3 full message.
  sharing smallint NOT NULL DEFAULT 0 CHECK (sharing BETWEEN 0 AND 3),
  settings jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, provider, address)
);

CREATE TABLE sync_channels (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organisations (id),
  account_id uuid NOT NULL REFERENCES mail_accounts (id),
  kind text NOT NULL CHECK (kind IN ('mail', 'calendar')),
  resource text NOT NULL,
  label text NOT NULL,
  enabled boolean NOT NULL DEFAULT true,
  -- Opaque provider cursors: historyId, syncToken, deltaLink. NULL = next pass is a full one.
  cursor text,
  -- Progress inside the current pass (the provider's page state), committed with each page.
  checkpoint text,
  items_imported bigint NOT NULL DEFAULT 0,
  backlog integer,
  last_success_at timestamptz,
  last_run_at timestamptz,
  next_run_at timestamptz NOT NULL DEFAULT now(),
  failures integer NOT NULL DEFAULT 0,
  error_kind text,
  error_message text,
  UNIQUE (account_id, kind, resource)
);
CREATE INDEX sync_channels_due_idx ON sync_channels (next_run_at) WHERE enabled;

ALTER TABLE timeline_items
  ADD COLUMN dedupe_key text,
  ADD COLUMN provider text,
  ADD COLUMN direction text CHECK (direction IN ('inbound', 'outbound')),
  ADD COLUMN subject text,
  ADD COLUMN message_id text,
  ADD COLUMN thread_ref text,
  ADD COLUMN in_reply_to text,
  ADD COLUMN reference_ids text[] NOT NULL DEFAULT '{}',
  ADD COLUMN from_address text,
  ADD COLUMN participants jsonb NOT NULL DEFAULT '[]',
  -- shared/domain/email matchKeyOf and domain of every participant: never-log removal.
  ADD COLUMN participant_keys text[] NOT NULL DEFAULT '{}',
  ADD COLUMN participant_domains text[] NOT NULL DEFAULT '{}',
  ADD COLUMN ends_at timestamptz,
  ADD COLUMN location text,
  ADD COLUMN mailbox_user_ids uuid[] NOT NULL DEFAULT '{}',
  ADD COLUMN sharing smallint NOT NULL DEFAULT 0 CHECK (sharing BETWEEN 0 AND 3);
-- One item per message / meeting occurrence per organisation: the import's upsert key.
CREATE UNIQUE INDEX timeline_items_dedupe_idx ON timeline_items (org_id, dedupe_key) WHERE dedupe_key IS NOT NULL;
CREATE INDEX timeline_items_participant_keys_idx ON timeline_items USING gin (participant_keys);
CREATE INDEX timeline_items_participant_domains_idx ON timeline_items USING gin (participant_domains);

-- Which mailbox holds which provider item of a timeline item (owners, deletions, never-log).
CREATE TABLE timeline_item_sources (
  account_id uuid NOT NULL REFERENCES mail_accounts (id),
  provider_item_id text NOT NULL,
  timeline_item_id uuid NOT NULL REFERENCES timeline_items (id),
  org_id uuid NOT NULL REFERENCES organisations (id),
  user_id uuid NOT NULL REFERENCES users (id),
  PRIMARY KEY (account_id, provider_item_id)
);
CREATE INDEX timeline_item_sources_item_idx ON timeline_item_sources (timeline_item_id);

-- Plain-text bodies, read only by mailbox owners (or everyone when shared in full).
CREATE TABLE timeline_item_bodies (
  timeline_item_id uuid PRIMARY KEY REFERENCES timeline_items (id),
  org_id uuid NOT NULL REFERENCES organisations (id),
  body text NOT NULL
);

-- Addresses and domains whose mail and meetings are never imported; user_id NULL = organisation-wide.
CREATE TABLE never_log_entries (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organisations (id),
  user_id uuid REFERENCES users (id),
  kind text NOT NULL CHECK (kind IN ('address', 'domain')),
  value text NOT NULL,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX never_log_entries_value_idx
  ON never_log_entries (org_id, COALESCE(user_id, '00000000-0000-0000-0000-000000000000'::uuid), kind, value);

-- One-time OAuth starts: bound to a user, short-lived, used once (PKCE verifier kept here).
CREATE TABLE oauth_states (
  id text PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organisations (id),
  user_id uuid NOT NULL REFERENCES users (id),
  provider text NOT NULL,
  code_verifier text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  started_at timestamptz,
  used_at timestamptz
);

ALTER TABLE change_log DROP CONSTRAINT change_log_entity_check;
ALTER TABLE change_log ADD CONSTRAINT change_log_entity_check
  CHECK (entity IN ('customer', 'contact', 'timelineItem', 'member', 'matchChoice', 'customField',
    'followUp', 'serviceItem', 'visit', 'orgSettings', 'mailAccount'))
`,
};

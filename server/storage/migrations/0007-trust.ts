/**
 * Issue 7: departments, who sees which customer (owner, owning department, sharing), private
 * notes, the sign-in rate limit and the audit trail (also of issue 5's mail tables, 0006).
 * PostgreSQL 15 syntax only.
 *
 * The audit trail is written by the database itself: an AFTER trigger on every table a person
 * changes records the row's changed columns together with the actor the application put in the
 * transaction-local setting `crm.audit` (server/storage/repositories/index.ts). So no write path
 * can forget it, and it commits or rolls back with the change. A table added later joins with one
 * `CREATE TRIGGER … EXECUTE FUNCTION audit_row(...)` line (docs/security.md).
 */
export const migration0007 = {
  version: 7,
  name: 'trust',
  sql: `
CREATE TABLE departments (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organisations (id),
  name text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE UNIQUE INDEX departments_name_idx ON departments (org_id, lower(name)) WHERE deleted_at IS NULL;

ALTER TABLE users
  ADD COLUMN department_id uuid REFERENCES departments (id),
  -- Bumped when what the user may see changes wholesale (role, department): a pull cursor made
  -- under an older scope answers resetRequired, so their replicas re-download what they may see.
  ADD COLUMN scope_version integer NOT NULL DEFAULT 1;

ALTER TABLE customers
  ADD COLUMN department_id uuid REFERENCES departments (id),
  ADD COLUMN shared_with uuid[] NOT NULL DEFAULT '{}';
-- customers.list for a rep or manager: own, department's, shared with me.
CREATE INDEX customers_owner_idx ON customers (org_id, owner_user_id);
CREATE INDEX customers_department_idx ON customers (org_id, department_id);
CREATE INDEX customers_shared_with_idx ON customers USING gin (shared_with);

ALTER TABLE timeline_items ADD COLUMN private boolean NOT NULL DEFAULT false;

-- Failed sign-ins per key (an address, a client address) in a fixed window; shared by every
-- server process on the database, so a limit cannot be dodged by spreading attempts.
CREATE TABLE sign_in_failures (
  key text PRIMARY KEY,
  window_started_at timestamptz NOT NULL,
  failures integer NOT NULL
);

CREATE TABLE audit_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id uuid NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  user_id uuid,
  session_id uuid,
  device text,
  action text,
  entity text NOT NULL,
  entity_id uuid NOT NULL,
  op text NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
  changes jsonb NOT NULL
);
CREATE INDEX audit_events_org_idx ON audit_events (org_id, id DESC);
CREATE INDEX audit_events_entity_idx ON audit_events (org_id, entity_id, id DESC);
CREATE INDEX audit_events_user_idx ON audit_events (org_id, user_id, id DESC);

-- TG_ARGV[0]: columns whose values are never copied (recorded as "(hidden)"), comma separated;
-- TG_ARGV[1]: columns whose changes are not events (bookkeeping such as last_used_at).
CREATE FUNCTION audit_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  new_row jsonb := CASE WHEN TG_OP = 'DELETE' THEN '{}'::jsonb ELSE to_jsonb(NEW) END;
  old_row jsonb := CASE WHEN TG_OP = 'INSERT' THEN '{}'::jsonb ELSE to_jsonb(OLD) END;
  hidden text[] := string_to_array(coalesce(TG_ARGV[0], ''), ',');
  ignored text[] := string_to_array(coalesce(TG_ARGV[1], ''), ',')
    || ARRAY['id', 'org_id', 'version', 'created_at', 'updated_at'];
  actor jsonb := nullif(current_setting('crm.audit', true), '')::jsonb;
  changed jsonb;
  org uuid;
BEGIN
  SELECT jsonb_object_agg(k, CASE WHEN k = ANY(hidden) THEN '["(hidden)", "(hidden)"]'::jsonb
                                  ELSE jsonb_build_array(old_row -> k, new_row -> k) END)
    INTO changed
    FROM jsonb_object_keys(new_row || old_row) AS keys(k)
   WHERE NOT (k = ANY(ignored)) AND (old_row -> k) IS DISTINCT FROM (new_row -> k);
  IF changed IS NULL THEN
    RETURN NULL;
  END IF;
  org := coalesce(new_row ->> 'org_id', old_row ->> 'org_id')::uuid;
  IF org IS NULL THEN
    SELECT u.org_id INTO org FROM users u WHERE u.id = coalesce(new_row ->> 'user_id', old_row ->> 'user_id')::uuid;
  END IF;
  INSERT INTO audit_events (org_id, user_id, session_id, device, action, entity, entity_id, op, changes)
  VALUES (org, (actor ->> 'userId')::uuid, (actor ->> 'sessionId')::uuid, actor ->> 'device', actor ->> 'action',
          TG_TABLE_NAME, coalesce(new_row ->> 'id', old_row ->> 'id', new_row ->> 'org_id')::uuid, lower(TG_OP), changed);
  RETURN NULL;
END $$;

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only';
END $$;
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();

CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION audit_row('', 'scope_version');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON auth_tokens
  FOR EACH ROW EXECUTE FUNCTION audit_row('token_hash', 'last_used_at');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON departments
  FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON customers
  FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON contacts
  FOR EACH ROW EXECUTE FUNCTION audit_row();
-- Item bodies stay on the item: a private note or a colleague's private mail must not reach
-- admins through the trail. Of imported mail (0006) only that it changed is recorded, not who
-- wrote to whom about what: subject, parties, thread and message ids are hidden too.
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON timeline_items
  FOR EACH ROW EXECUTE FUNCTION audit_row('summary,source_ref,subject,location,from_address,participants,participant_keys,participant_domains,message_id,thread_ref,in_reply_to,reference_ids,dedupe_key');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON match_choices
  FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON custom_field_definitions
  FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON follow_ups
  FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON service_items
  FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON visits
  FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON org_settings
  FOR EACH ROW EXECUTE FUNCTION audit_row();
-- Mail ingestion (0006). Connecting, disconnecting, sharing and calendar choices are recorded;
-- the sealed provider token never is. A channel's progress (cursor, counters, errors, schedule)
-- is the job's bookkeeping, not an event. A never-log value stays hidden: a personal entry is
-- its owner's private matter. Item bodies, item sources and OAuth states are not audited: the
-- first two change with their item, the last is a short-lived secret with a text key.
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON mail_accounts
  FOR EACH ROW EXECUTE FUNCTION audit_row('refresh_token_enc');
-- lease_owner / lease_until: issue 8's worker leases (0010), renewed every few seconds while a channel runs.
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON sync_channels
  FOR EACH ROW EXECUTE FUNCTION audit_row('', 'cursor,checkpoint,items_imported,backlog,last_success_at,last_run_at,next_run_at,failures,error_kind,error_message,lease_owner,lease_until');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON never_log_entries
  FOR EACH ROW EXECUTE FUNCTION audit_row('value');

ALTER TABLE change_log DROP CONSTRAINT change_log_entity_check;
ALTER TABLE change_log ADD CONSTRAINT change_log_entity_check
  CHECK (entity IN ('customer', 'contact', 'timelineItem', 'member', 'matchChoice', 'customField',
    'followUp', 'serviceItem', 'visit', 'orgSettings', 'mailAccount', 'department'))
`,
};

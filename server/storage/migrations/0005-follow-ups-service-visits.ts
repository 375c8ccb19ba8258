/**
 * Issue 4: follow-ups, service requests and complaints, visits, and the organisation's rules
 * (shared/schemas/follow-up.ts, service-item.ts, visit.ts, org-settings.ts). PostgreSQL 15
 * syntax only. Columns for what rules, boards and reports filter on; jsonb for nested records
 * read whole (reply watch, care occasion, options, visit report and review).
 */
export const migration0005 = {
  version: 5,
  name: 'follow-ups-service-visits',
  sql: `
CREATE TABLE follow_ups (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organisations (id),
  customer_id uuid NOT NULL REFERENCES customers (id),
  contact_id uuid REFERENCES contacts (id),
  owner_user_id uuid NOT NULL REFERENCES users (id),
  due_at timestamptz NOT NULL,
  reason text NOT NULL DEFAULT '',
  purpose text NOT NULL CHECK (purpose IN ('general', 'no_reply', 'cadence_touch', 'cadence_visit',
    'complaint_promised_reply', 'complaint_return_visit', 'visit_thank_you', 'visit_proposal',
    'care_birthday', 'care_holiday')),
  source text NOT NULL CHECK (source IN ('manual', 'email_reply', 'cadence', 'complaint', 'visit', 'care', 'import')),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'skipped')),
  reply_watch jsonb,
  source_id uuid,
  occasion jsonb,
  -- Rule-made follow-ups carry a key naming the rule and its occasion (e.g. the cadence window):
  -- the unique index makes a job that runs twice, or in two processes at once, create it once.
  dedupe_key text,
  completed_at timestamptz,
  completed_by_user_id uuid REFERENCES users (id),
  outcome text,
  closed_by text CHECK (closed_by IN ('user', 'customer_reply', 'touch')),
  satisfaction smallint CHECK (satisfaction BETWEEN 1 AND 5),
  created_by_user_id uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE UNIQUE INDEX follow_ups_dedupe_idx ON follow_ups (org_id, dedupe_key) WHERE dedupe_key IS NOT NULL;
-- Boards and reminders: one owner's open follow-ups by due time.
CREATE INDEX follow_ups_owner_open_idx ON follow_ups (org_id, owner_user_id, due_at)
  WHERE status = 'open' AND deleted_at IS NULL;
CREATE INDEX follow_ups_customer_idx ON follow_ups (customer_id, status);
-- "Closes when the customer replies": open follow-ups watching a thread.
CREATE INDEX follow_ups_reply_watch_idx ON follow_ups (org_id, (reply_watch ->> 'threadRef'))
  WHERE status = 'open' AND reply_watch IS NOT NULL;

CREATE TABLE service_items (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organisations (id),
  customer_id uuid NOT NULL REFERENCES customers (id),
  contact_id uuid REFERENCES contacts (id),
  type text NOT NULL CHECK (type IN ('request', 'complaint')),
  urgent boolean NOT NULL DEFAULT false,
  channel text NOT NULL CHECK (channel IN ('email', 'phone', 'portal', 'visit', 'chat', 'other')),
  owner_user_id uuid NOT NULL REFERENCES users (id),
  summary text NOT NULL,
  received_at timestamptz NOT NULL,
  first_reply_due_at timestamptz NOT NULL,
  first_reply_at timestamptz,
  stage text NOT NULL DEFAULT 'received'
    CHECK (stage IN ('received', 'committed', 'options', 'resolved', 'return_visit', 'closed')),
  promised_reply_at timestamptz,
  options jsonb NOT NULL DEFAULT '[]',
  chosen_option_id text,
  reply text,
  result text,
  resolved_at timestamptz,
  satisfaction smallint CHECK (satisfaction BETWEEN 1 AND 5),
  feedback_tag text CHECK (feedback_tag IN ('praise', 'complaint', 'suggestion')),
  thread_ref text,
  after_message_id text,
  source_id uuid,
  closed_at timestamptz,
  created_by_user_id uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  -- Resolved needs a reply AND a result (DOMAIN.md; the handler says so first, this keeps it true).
  CHECK (resolved_at IS NULL OR (reply IS NOT NULL AND result IS NOT NULL))
);
CREATE INDEX service_items_customer_idx ON service_items (customer_id, received_at DESC);
-- Open items by stage and deadline (boards, reports of items past their deadline).
CREATE INDEX service_items_open_idx ON service_items (org_id, stage, first_reply_due_at)
  WHERE closed_at IS NULL AND deleted_at IS NULL;
-- "Our reply in the thread is the first reply": items still waiting, by thread.
CREATE INDEX service_items_thread_idx ON service_items (org_id, thread_ref)
  WHERE first_reply_at IS NULL AND thread_ref IS NOT NULL;

CREATE TABLE visits (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organisations (id),
  customer_id uuid NOT NULL REFERENCES customers (id),
  owner_user_id uuid NOT NULL REFERENCES users (id),
  meeting_item_id uuid REFERENCES timeline_items (id),
  planned_at timestamptz NOT NULL,
  contact_ids uuid[] NOT NULL DEFAULT '{}',
  user_ids uuid[] NOT NULL DEFAULT '{}',
  purpose text NOT NULL,
  expected_result text NOT NULL,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
  first_meeting boolean,
  report jsonb,
  review jsonb,
  created_by_user_id uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE INDEX visits_customer_idx ON visits (customer_id, planned_at DESC);
-- Monthly visit plans per person, and the review queue.
CREATE INDEX visits_owner_time_idx ON visits (org_id, owner_user_id, planned_at) WHERE deleted_at IS NULL;

CREATE TABLE org_settings (
  org_id uuid PRIMARY KEY REFERENCES organisations (id),
  settings jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE change_log DROP CONSTRAINT change_log_entity_check;
ALTER TABLE change_log ADD CONSTRAINT change_log_entity_check
  CHECK (entity IN ('customer', 'contact', 'timelineItem', 'member', 'matchChoice', 'customField',
    'followUp', 'serviceItem', 'visit', 'orgSettings'))
`,
};

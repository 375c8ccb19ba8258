/** Customers, contacts, timelines and the idempotency record of pushed mutations. */
export const migration0002 = {
  version: 2,
  name: 'crm-records',
  sql: `
CREATE TABLE customers (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organisations (id),
  name text NOT NULL,
  customer_class text CHECK (customer_class IN ('A', 'B', 'C')),
  owner_user_id uuid REFERENCES users (id),
  email_domains text[] NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
-- customers.list pages by id inside one organisation.
CREATE INDEX customers_org_idx ON customers (org_id, id);
-- Matching mail by domain: email_domains @> ARRAY[$domain].
CREATE INDEX customers_domains_idx ON customers USING gin (email_domains);

CREATE TABLE contacts (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organisations (id),
  customer_id uuid NOT NULL REFERENCES customers (id),
  name text NOT NULL,
  -- Normalised with shared/domain/email normaliseEmail before they are stored.
  emails text[] NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE INDEX contacts_customer_idx ON contacts (customer_id);
-- Matching mail by address: emails @> ARRAY[$email].
CREATE INDEX contacts_emails_idx ON contacts USING gin (emails);

CREATE TABLE timeline_items (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organisations (id),
  customer_id uuid NOT NULL REFERENCES customers (id),
  kind text NOT NULL,
  occurred_at timestamptz NOT NULL,
  author_user_id uuid REFERENCES users (id),
  contact_ids uuid[] NOT NULL DEFAULT '{}',
  summary text NOT NULL,
  source_ref text,
  created_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE INDEX timeline_customer_time_idx ON timeline_items (customer_id, occurred_at DESC);

CREATE TABLE applied_mutations (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organisations (id),
  user_id uuid NOT NULL REFERENCES users (id),
  kind text NOT NULL,
  result jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
`,
};

/**
 * The full customer file (issue 3): classification, profile groups, contacts' details, match
 * keys, per-user match choices and per-organisation custom field definitions. PostgreSQL 15
 * syntax only (production may run 15; PGlite is 18).
 *
 * The jsonb defaults are EMPTY_CUSTOMER_FIELDS of shared/schemas/customer.ts as of this
 * migration, frozen here on purpose: a migration never changes after it ran. The repository
 * lays rows over the current empty values when reading, so later sub-fields need no backfill.
 */
export const migration0003 = {
  version: 3,
  name: 'customer-file',
  sql: `
ALTER TABLE customers
  ADD COLUMN code text,
  ADD COLUMN short_names text[] NOT NULL DEFAULT '{}',
  ADD COLUMN value_tier text CHECK (value_tier IN ('strategic', 'important', 'general', 'potential')),
  ADD COLUMN pyramid_stage text
    CHECK (pyramid_stage IN ('lead', 'potential', 'transacting', 'important', 'strategic')),
  ADD COLUMN key_account boolean NOT NULL DEFAULT false,
  ADD COLUMN key_account_score numeric CHECK (key_account_score BETWEEN 1 AND 9),
  ADD COLUMN relationship_stage text CHECK (relationship_stage IN
    ('breakthrough', 'consolidation', 'growth', 'harvest', 'defence', 'hibernation', 'suspension')),
  ADD COLUMN lead_source text
    CHECK (lead_source IN ('web_research', 'advertising', 'referral', 'event', 'other')),
  ADD COLUMN win_back_status text CHECK (win_back_status IN ('lost', 'winning_back', 'won_back')),
  ADD COLUMN tax_number text,
  ADD COLUMN tags text[] NOT NULL DEFAULT '{}',
  ADD COLUMN profile jsonb NOT NULL DEFAULT '{"registeredOn": null, "country": null, "region": null,
    "address": null, "phone": null, "fax": null, "website": null, "industry": null, "mainProducts": null,
    "productionScale": null, "mainDownstreamCustomers": null}',
  ADD COLUMN value_card jsonb NOT NULL DEFAULT '{"currency": "CNY", "cumulativeAmount": null,
    "cumulativeQuantity": null, "thisYearAmount": null, "historicalAverage": null, "annualAverage": null}',
  ADD COLUMN needs jsonb NOT NULL DEFAULT '{"capacity": null, "quality": null, "deliveryTime": null,
    "lastNeed": null, "lastNeedAt": null, "lastFeedback": null, "lastFeedbackAt": null}',
  ADD COLUMN sensitive jsonb NOT NULL DEFAULT '{"bank": null, "bankAccount": null, "projects": null,
    "budget": null, "executiveIntel": null}',
  ADD COLUMN custom_fields jsonb NOT NULL DEFAULT '{}';

-- A code names one live customer per organisation (checked first by the push handler, which
-- answers "conflict"; this catches two pushes racing with the same code).
CREATE UNIQUE INDEX customers_org_code_idx ON customers (org_id, code)
  WHERE deleted_at IS NULL AND code IS NOT NULL;
-- Import duplicate detection: same tax number, same name ignoring case.
CREATE INDEX customers_org_tax_idx ON customers (org_id, tax_number) WHERE tax_number IS NOT NULL;
CREATE INDEX customers_org_name_idx ON customers (org_id, lower(name));

ALTER TABLE contacts
  ADD COLUMN title text,
  ADD COLUMN phones text[] NOT NULL DEFAULT '{}',
  ADD COLUMN buying_role text CHECK (buying_role IN ('decision_maker', 'influencer', 'supporter', 'user')),
  ADD COLUMN relationship_strength smallint CHECK (relationship_strength BETWEEN 1 AND 5),
  ADD COLUMN preferred_channel text CHECK (preferred_channel IN ('email', 'phone', 'wechat', 'visit', 'other')),
  ADD COLUMN birthday text,
  ADD COLUMN notes text,
  -- shared/domain/email matchKeyOf of each address, kept by repositories/contacts.ts.
  ADD COLUMN email_keys text[] NOT NULL DEFAULT '{}';
-- Matching mail by address: email_keys @> ARRAY[matchKeyOf(address)].
CREATE INDEX contacts_email_keys_idx ON contacts USING gin (email_keys);

-- Backfill: matchKeyOf in SQL, with mail-providers.json's rules as of this migration (stored
-- addresses are already normalised): drop a +tag unless the provider keeps it, drop dots for
-- Gmail, googlemail.com is gmail.com. Order kept, duplicates dropped, as the repository does.
-- Checked against matchKeyOf in test/integration/migrations.test.ts.
UPDATE contacts c SET email_keys = k.keys
  FROM (
    SELECT id, array_agg(key ORDER BY pos) AS keys
      FROM (
        SELECT DISTINCT ON (id, key) id, key, pos
          FROM (
            SELECT c2.id, u.pos,
                   CASE WHEN p.l IS NULL OR p.l = '' THEN u.e
                        ELSE (CASE WHEN p.d IN ('gmail.com', 'googlemail.com') THEN replace(s.l, '.', '') ELSE s.l END)
                             || '@' || (CASE WHEN p.d = 'googlemail.com' THEN 'gmail.com' ELSE p.d END)
                   END AS key
              FROM contacts c2
             CROSS JOIN LATERAL unnest(c2.emails) WITH ORDINALITY AS u(e, pos)
             CROSS JOIN LATERAL (SELECT substring(u.e FROM '^(.*)@[^@]*$') AS l,
                                        substring(u.e FROM '@([^@]*)$') AS d) p
             CROSS JOIN LATERAL (
               SELECT CASE WHEN position('+' IN p.l) > 1 AND p.d NOT IN ('qq.com', 'vip.qq.com', 'foxmail.com',
                             '163.com', '126.com', 'yeah.net', 'sina.com', 'sina.cn', 'sohu.com', '139.com',
                             '189.cn', 'yahoo.com', 'aol.com')
                           THEN split_part(p.l, '+', 1) ELSE p.l END AS l) s
          ) keyed
         ORDER BY id, key, pos
      ) firsts
     GROUP BY id
  ) k
 WHERE k.id = c.id;

-- When several customers match an address, the one this user picked (per user, not shared).
CREATE TABLE match_choices (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organisations (id),
  user_id uuid NOT NULL REFERENCES users (id),
  address_key text NOT NULL,
  customer_id uuid NOT NULL REFERENCES customers (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, address_key)
);

CREATE TABLE custom_field_definitions (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organisations (id),
  key text NOT NULL,
  label text NOT NULL,
  type text NOT NULL CHECK (type IN ('text', 'number', 'date', 'select', 'boolean')),
  options text[] NOT NULL DEFAULT '{}',
  position integer NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
-- One live definition per key; a deleted key may be defined again.
CREATE UNIQUE INDEX custom_field_definitions_key_idx ON custom_field_definitions (org_id, key)
  WHERE deleted_at IS NULL;

-- The column CHECK of 0001 got PostgreSQL's generated name <table>_<column>_check.
ALTER TABLE change_log DROP CONSTRAINT change_log_entity_check;
ALTER TABLE change_log ADD CONSTRAINT change_log_entity_check
  CHECK (entity IN ('customer', 'contact', 'timelineItem', 'member', 'matchChoice', 'customField'))
`,
};

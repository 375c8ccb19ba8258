import type { Queryable } from '../../server/storage/database';

/**
 * A large organisation for the dashboard bench, written with set-based SQL (generate_series) in
 * seconds rather than through the API: 4 departments, 40 people, `customers` customers (classes
 * 20/40/40 with a few unclassified, every tier and stage, owners spread, created over three
 * years, cumulative amounts), `perCustomer` timeline items each (touches and others over two
 * years), 4 follow-ups, one service item in two and one visit in two per customer, and an audit
 * trail as the database would have written it (an event per inserted item, class changes in the
 * last two months). The audit triggers are off while seeding, and the trail is written in bulk.
 */
export type DashboardShape = { customers: number; perCustomer: number };
const AUDITED = ['customers', 'timeline_items', 'follow_ups', 'service_items', 'visits', 'users', 'departments'];

export async function seedDashboardOrg(db: Queryable, orgId: string, now: Date, shape: DashboardShape): Promise<void> {
  const p = [orgId, now.toISOString()];
  for (const table of AUDITED) await db.query(`ALTER TABLE ${table} DISABLE TRIGGER audit`);
  await db.query(`INSERT INTO departments (id, org_id, name) SELECT gen_random_uuid(), $1, '部门 ' || g FROM generate_series(1, 4) g`, [orgId]);
  await db.query(
    `INSERT INTO users (id, org_id, email, display_name, role, department_id)
     SELECT gen_random_uuid(), $1, 'rep' || g || '@bench.example', '销售 ' || g, CASE WHEN g % 10 = 0 THEN 'manager' ELSE 'sales_rep' END,
            (SELECT id FROM departments WHERE org_id = $1 ORDER BY name OFFSET g % 4 LIMIT 1)
       FROM generate_series(1, 40) g`,
    [orgId],
  );
  await db.query(
    `WITH reps AS (SELECT array_agg(id ORDER BY email) AS ids, array_agg(department_id ORDER BY email) AS depts FROM users WHERE org_id = $1 AND role <> 'admin')
     INSERT INTO customers (id, org_id, name, code, customer_class, value_tier, pyramid_stage, owner_user_id, department_id, created_at, value_card)
     SELECT gen_random_uuid(), $1, '客户 ' || g, 'C' || g,
            CASE WHEN g % 23 = 0 THEN NULL ELSE (ARRAY['A', 'B', 'B', 'C', 'C'])[1 + g % 5] END,
            (ARRAY['strategic', 'important', 'general', 'potential'])[1 + g % 4],
            (ARRAY['lead', 'potential', 'transacting', 'important', 'strategic'])[1 + (g / 7) % 5],
            reps.ids[1 + g % 40], reps.depts[1 + g % 40],
            $2::timestamptz - (g % 1095) * interval '1 day' - (g % 86400) * interval '1 second',
            jsonb_build_object('currency', 'CNY', 'cumulativeAmount', ((g::bigint * 7919) % 1000000))
       FROM generate_series(1, $3::int) g, reps`,
    [...p, shape.customers],
  );
  const numbered = `(SELECT id, owner_user_id, row_number() OVER (ORDER BY id) AS rn FROM customers WHERE org_id = $1) c`;
  await db.query(
    `INSERT INTO timeline_items (id, org_id, customer_id, kind, occurred_at, summary)
     SELECT gen_random_uuid(), $1, c.id,
            (ARRAY['email', 'email', 'email', 'email', 'call', 'meeting', 'visit', 'note', 'note', 'follow_up'])[1 + (n * 7 + c.rn) % 10],
            $2::timestamptz - ((n * 37 + c.rn * 11) % 730) * interval '1 day' - ((c.rn * n) % 86400) * interval '1 second', '往来邮件'
       FROM ${numbered}, generate_series(1, $3::int) n`,
    [...p, shape.perCustomer],
  );
  await db.query(
    `INSERT INTO follow_ups (id, org_id, customer_id, owner_user_id, due_at, purpose, source, status, completed_at, created_at)
     SELECT gen_random_uuid(), $1, c.id, c.owner_user_id, $2::timestamptz - ((c.rn * n) % 400 - 30) * interval '1 day',
            'general', (ARRAY['manual', 'cadence', 'complaint', 'visit'])[1 + n % 4],
            (ARRAY['open', 'done', 'done', 'skipped'])[1 + (c.rn + n) % 4],
            CASE WHEN (c.rn + n) % 4 = 0 THEN NULL ELSE $2::timestamptz - ((c.rn * n) % 400 - 31) * interval '1 day' END,
            $2::timestamptz - ((c.rn * n) % 400) * interval '1 day'
       FROM ${numbered}, generate_series(1, 4) n`,
    p,
  );
  await db.query(
    `INSERT INTO service_items (id, org_id, customer_id, type, urgent, channel, owner_user_id, summary, received_at, first_reply_due_at, first_reply_at,
                                feedback_tag, satisfaction, resolved_at, reply, result)
     SELECT gen_random_uuid(), $1, c.id, (ARRAY['request', 'complaint'])[1 + c.rn % 2], c.rn % 5 = 0, 'email', c.owner_user_id, '质量问题',
            r.at, r.at + CASE WHEN c.rn % 5 = 0 THEN interval '2 hours' ELSE interval '24 hours' END,
            CASE WHEN c.rn % 7 = 0 THEN NULL ELSE r.at + (c.rn % 50) * interval '1 hour' END,
            (ARRAY[NULL, 'praise', 'complaint', 'suggestion'])[1 + c.rn % 4], CASE WHEN c.rn % 3 = 0 THEN 1 + c.rn % 5 END,
            CASE WHEN c.rn % 3 = 0 THEN r.at + interval '3 days' END, CASE WHEN c.rn % 3 = 0 THEN 'ok' END, CASE WHEN c.rn % 3 = 0 THEN 'ok' END
       FROM ${numbered}, LATERAL (SELECT $2::timestamptz - (c.rn % 730) * interval '1 day' AS at) r WHERE c.rn % 2 = 0`,
    p,
  );
  await db.query(
    `INSERT INTO visits (id, org_id, customer_id, owner_user_id, planned_at, purpose, expected_result, status, report, review)
     SELECT gen_random_uuid(), $1, c.id, c.owner_user_id, v.at, '拜访', '订单', s.status,
            CASE WHEN s.status = 'held' THEN jsonb_build_object('heldAt', v.at, 'reportedAt', v.at + interval '1 day', 'satisfaction', 1 + c.rn % 5, 'feedbackTag', 'praise') END,
            CASE WHEN s.status = 'held' AND c.rn % 3 = 0 THEN jsonb_build_object('reviewerUserId', c.owner_user_id, 'comment', 'ok', 'reviewedAt', v.at + interval '2 days') END
       FROM ${numbered}, LATERAL (SELECT $2::timestamptz - (c.rn % 400 - 20) * interval '1 day' AS at) v,
            LATERAL (SELECT (ARRAY['held', 'held', 'planned', 'cancelled'])[1 + c.rn % 4] AS status) s
      WHERE c.rn % 2 = 1`,
    p,
  );
  // The trail: an insert event per timeline item, and 5% of customers reclassified lately.
  await db.query(
    `INSERT INTO audit_events (org_id, at, entity, entity_id, op, changes)
     SELECT $1, t.created_at, 'timeline_items', t.id, 'insert', jsonb_build_object('kind', jsonb_build_array(NULL, t.kind)) FROM timeline_items t WHERE t.org_id = $1`,
    [orgId],
  );
  await db.query(
    `INSERT INTO audit_events (org_id, at, entity, entity_id, op, changes)
     SELECT $1, $2::timestamptz - (c.rn % 60) * interval '1 day', 'customers', c.id, 'update', '{"customer_class": ["C", "B"]}'::jsonb
       FROM ${numbered} WHERE c.rn % 20 = 0`,
    p,
  );
  for (const table of AUDITED) await db.query(`ALTER TABLE ${table} ENABLE TRIGGER audit`);
  await db.query('ANALYZE');
}

import type { Queryable } from '../../../server/storage/database';
import { createServices, type Services } from '../../../server/domain/services';
import type { Store } from '../../../server/storage/repositories/index';
import { callerFor, type Actor } from './actors';
import { newId } from './ids';
import { orgWorld, type OrgWorld } from './org-world';

/**
 * A known organisation for the dashboard (issue 9): fixed instants in November 2026, two
 * departments, a mix of classes, touches, follow-ups, complaints, visits, ratings and revenue,
 * written straight into the tables (records keep the dates given here; the API would stamp
 * today). Expected figures are worked out by hand in test/integration/reports.test.ts.
 * Customers: E1-E6 in the East department (E1, E2, E5, E6 the East rep's; E3, E4 the second
 * East rep's), W1 in the West (West rep), Gone deleted, and one customer in another organisation.
 */
export type ReportWorld = OrgWorld & { c: Record<'E1' | 'E2' | 'E3' | 'E4' | 'E5' | 'E6' | 'W1' | 'Gone' | 'Other', string> };

/** owner null: a customer nobody owns (the dashboard's "unassigned" row). */
export type CustomerSeed = { name: string; cls: string | null; tier?: string; stage?: string; owner: string | null; dept: string | null; created: string; amount?: number; currency?: string; deleted?: boolean };

export async function seedCustomer(db: Queryable, orgId: string, s: CustomerSeed): Promise<string> {
  const id = newId();
  await db.query(
    `INSERT INTO customers (id, org_id, name, code, customer_class, value_tier, pyramid_stage, owner_user_id, department_id, created_at, value_card, deleted_at, tax_number, sensitive)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, jsonb_build_object('currency', $11::text, 'cumulativeAmount', $12::numeric), $13, 'TAX-SECRET-1', '{"bank": "SECRET BANK"}')`,
    [id, orgId, s.name, `C-${s.name}`, s.cls, s.tier ?? null, s.stage ?? null, s.owner, s.dept, s.created, s.currency ?? 'CNY', s.amount ?? null, s.deleted ? '2026-11-20T00:00:00Z' : null],
  );
  return id;
}

/** A timeline item at a chosen instant (ingestion writes meetings ahead, as calendars book them). */
export const seedTouch = (db: Queryable, orgId: string, customerId: string, kind: string, at: string) =>
  db.query(`INSERT INTO timeline_items (id, org_id, customer_id, kind, occurred_at, summary) VALUES ($1, $2, $3, $4, $5, 'x')`, [newId(), orgId, customerId, kind, at]);

/** An update event as the audit trigger writes it (migration 0007), at a chosen instant. */
const changed = (db: Queryable, orgId: string, customerId: string, at: string, column: string, before: string | null, after: string | null) =>
  db.query(`INSERT INTO audit_events (org_id, at, entity, entity_id, op, changes) VALUES ($1, $2, 'customers', $3, 'update', $4)`, [
    orgId,
    at,
    customerId,
    JSON.stringify({ [column]: [before, after] }),
  ]);

export async function reportWorld(services: Services, db: Queryable): Promise<ReportWorld> {
  const w = await orgWorld(services);
  const org = w.admin.orgId;
  const { east, west } = w.departments;
  const rep = w.eastRep.userId;
  const rep2 = w.eastRep2.userId;
  const add = (s: CustomerSeed) => seedCustomer(db, org, s);
  const c = {
    E1: await add({ name: 'East A1 华东', cls: 'A', tier: 'strategic', stage: 'strategic', owner: rep, dept: east, created: '2026-01-01T00:00:00Z', amount: 1_000_000 }),
    E2: await add({ name: 'East B1', cls: 'B', tier: 'general', owner: rep, dept: east, created: '2026-01-01T00:00:00Z', amount: 500_000 }),
    E3: await add({ name: 'East C1', cls: 'C', owner: rep2, dept: east, created: '2026-11-10T00:00:00Z', amount: 100_000 }),
    // 23:59:59 on 30 November in Shanghai; 15:59:59 UTC.
    E4: await add({ name: 'East none', cls: null, owner: rep2, dept: east, created: '2026-11-30T15:59:59Z' }),
    // 00:00 on 1 December in Shanghai, still 30 November in UTC.
    E5: await add({ name: 'East C2', cls: 'C', owner: rep, dept: east, created: '2026-11-30T16:00:00Z', amount: 50_000 }),
    // 00:30 on 1 November in Shanghai, still 31 October in UTC.
    E6: await add({ name: 'East B2', cls: 'B', owner: rep, dept: east, created: '2026-10-31T16:30:00Z', amount: 10_000, currency: 'USD' }),
    W1: await add({ name: 'West A', cls: 'A', stage: 'important', owner: w.westRep.userId, dept: west, created: '2025-06-01T00:00:00Z', amount: 400_000 }),
    Gone: await add({ name: 'Deleted Co', cls: 'A', owner: rep, dept: east, created: '2026-01-01T00:00:00Z', amount: 9_000_000, deleted: true }),
    Other: '',
  };
  // Touches: E1 two days before the end of November; E2 ten days before (and one in December,
  // after the period); W1 a meeting five days before; a note is not a touch.
  await seedTouch(db, org, c.E1, 'email', '2026-11-28T00:00:00Z');
  await seedTouch(db, org, c.E2, 'call', '2026-11-20T00:00:00Z');
  await seedTouch(db, org, c.E2, 'note', '2026-11-29T00:00:00Z');
  await seedTouch(db, org, c.E2, 'email', '2026-12-01T00:00:00Z');
  await seedTouch(db, org, c.W1, 'meeting', '2026-11-25T00:00:00Z');
  await seedTouch(db, org, c.Gone, 'email', '2026-11-29T00:00:00Z');
  // Movement: E1 B → A in the period; E2's tier important → general after it; W1 transacting → important in it.
  await changed(db, org, c.E1, '2026-11-15T00:00:00Z', 'customer_class', 'B', 'A');
  await changed(db, org, c.E2, '2026-12-02T00:00:00Z', 'value_tier', 'important', 'general');
  await changed(db, org, c.W1, '2026-11-20T00:00:00Z', 'pyramid_stage', 'transacting', 'important');

  const followUp = (customerId: string, owner: string, created: string, due: string, status: string, completed: string | null, satisfaction: number | null = null) =>
    db.query(
      `INSERT INTO follow_ups (id, org_id, customer_id, owner_user_id, due_at, reason, purpose, source, status, completed_at, satisfaction, created_at)
       VALUES ($1, $2, $3, $4, $5, 'call back', 'general', 'manual', $6, $7, $8, $9)`,
      [newId(), org, customerId, owner, due, status, completed, satisfaction, created],
    );
  await followUp(c.E1, rep, '2026-11-05T00:00:00Z', '2026-11-10T00:00:00Z', 'done', '2026-11-09T00:00:00Z');
  await followUp(c.E1, rep, '2026-10-20T00:00:00Z', '2026-11-20T00:00:00Z', 'open', null);
  await followUp(c.E1, rep, '2026-11-12T00:00:00Z', '2026-12-05T00:00:00Z', 'open', null);
  await followUp(c.E1, rep, '2026-10-01T00:00:00Z', '2026-10-15T00:00:00Z', 'done', '2026-12-01T00:00:00Z');
  await followUp(c.W1, w.westRep.userId, '2026-11-15T00:00:00Z', '2026-11-18T00:00:00Z', 'skipped', '2026-11-20T00:00:00Z', 4);

  const service = (customerId: string, type: string, urgent: boolean, received: string, due: string, reply: string | null, extra: { tag?: string; resolved?: string; rating?: number; closed?: string } = {}) =>
    db.query(
      `INSERT INTO service_items (id, org_id, customer_id, type, urgent, channel, owner_user_id, summary, received_at, first_reply_due_at, first_reply_at,
                                  feedback_tag, resolved_at, reply, result, satisfaction, closed_at)
       VALUES ($1, $2, $3, $4, $5, 'email', $6, '交货延迟', $7, $8, $9, $10, $11, $12, $12, $13, $14)`,
      [newId(), org, customerId, type, urgent, w.supportLead.userId, received, due, reply, extra.tag ?? null, extra.resolved ?? null, extra.resolved ? 'done' : null, extra.rating ?? null, extra.closed ?? null],
    );
  await service(c.E1, 'request', false, '2026-11-02T00:00:00Z', '2026-11-03T00:00:00Z', '2026-11-02T10:00:00Z');
  await service(c.E1, 'complaint', false, '2026-11-03T00:00:00Z', '2026-11-04T00:00:00Z', '2026-11-04T06:00:00Z', { tag: 'complaint', resolved: '2026-11-10T00:00:00Z', rating: 2 });
  await service(c.E2, 'complaint', true, '2026-11-05T00:00:00Z', '2026-11-05T02:00:00Z', '2026-11-05T01:00:00Z', { tag: 'praise' });
  await service(c.E2, 'request', true, '2026-11-29T00:00:00Z', '2026-11-29T02:00:00Z', null);
  await service(c.E2, 'request', false, '2026-10-20T00:00:00Z', '2026-10-21T00:00:00Z', null);
  await service(c.W1, 'request', false, '2026-11-30T15:00:00Z', '2026-12-01T15:00:00Z', null);

  const visit = (planned: string, status: string, report: object | null, review: object | null, customerId = c.E1) =>
    db.query(
      `INSERT INTO visits (id, org_id, customer_id, owner_user_id, planned_at, purpose, expected_result, status, report, review)
       VALUES ($1, $2, $3, $4, $5, '季度拜访', 'order', $6, $7, $8)`,
      [newId(), org, customerId, rep, planned, status, report && JSON.stringify(report), review && JSON.stringify(review)],
    );
  const report = (reportedAt: string, satisfaction: number | null, feedbackTag: string | null) => ({
    heldAt: reportedAt, outcome: 'ok', needs: null, feedback: null, nextSteps: null, satisfaction, feedbackTag, reportedAt, reportedByUserId: rep,
  });
  await visit('2026-11-06T02:00:00Z', 'held', report('2026-11-07T00:00:00Z', 5, 'suggestion'), { reviewerUserId: w.eastManager.userId, comment: 'good', reviewedAt: '2026-11-08T00:00:00Z' });
  await visit('2026-11-15T02:00:00Z', 'cancelled', null, null);
  await visit('2026-11-20T02:00:00Z', 'planned', null, null);
  await visit('2026-12-10T02:00:00Z', 'planned', null, null);
  await visit('2026-10-28T02:00:00Z', 'held', report('2026-11-02T00:00:00Z', null, null), null);

  // The deleted customer's follow-ups, service item and visit (rated, tagged, overdue): in no figure.
  await followUp(c.Gone, rep, '2026-11-05T00:00:00Z', '2026-11-10T00:00:00Z', 'skipped', '2026-11-09T00:00:00Z', 5);
  await followUp(c.Gone, rep, '2026-11-06T00:00:00Z', '2026-11-08T00:00:00Z', 'open', null);
  await service(c.Gone, 'complaint', true, '2026-11-04T00:00:00Z', '2026-11-04T02:00:00Z', null, { tag: 'complaint', resolved: '2026-11-06T00:00:00Z', rating: 1 });
  await visit('2026-11-07T02:00:00Z', 'held', report('2026-11-08T00:00:00Z', 1, 'complaint'), null, c.Gone);

  // Another organisation with the same kind of records: never in org A's figures.
  const other = await services.auth.createOrganisation({ name: 'Org B', adminEmail: 'admin@b.example', adminName: 'B' });
  const [bAdmin] = await db.query<{ id: string }>('SELECT id FROM users WHERE org_id = $1', [other.orgId]);
  c.Other = await seedCustomer(db, other.orgId, { name: 'Other Org Co', cls: 'A', owner: bAdmin!.id, dept: null, created: '2026-11-05T00:00:00Z', amount: 7_000_000 });
  await seedTouch(db, other.orgId, c.Other, 'email', '2026-11-01T00:00:00Z');
  return { ...w, c };
}

/** The reports procedures as an actor calls them, the server's clock standing at `now`. */
export function reportsAs(store: Store, now: Date) {
  const services = createServices(store, { now: () => now });
  return async (a: Actor) => (await callerFor(services, a.token)).reports;
}

/** The customers' names of a drill-down page, in its order. */
export const rowNames = (page: { rows: { customerName: string }[] }) => page.rows.map((r) => r.customerName);

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dormancyOf, DEFAULT_CADENCES, lastTouchAt } from '../../shared/domain/cadence';
import { isOverdue } from '../../shared/domain/follow-up-board';
import { firstReplyDueAt, serviceClock } from '../../shared/domain/service-clock';
import { DEFAULT_ORG_SETTINGS } from '../../shared/schemas/org-settings';
import type { ReportWindow } from '../../server/storage/repositories/reports/report-sql';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';
import { newId } from './support/ids';

/**
 * The dashboard aggregates in SQL for speed; the sidebar decides with shared functions. On
 * generated data crowded around each boundary (a millisecond either side of "7 days", of the
 * reply deadline, of the due time), the SQL must count exactly what the shared functions say.
 */
const DAY = 86_400_000;
const AS_OF = Date.parse('2026-11-30T16:00:00.000Z');
const FROM = Date.parse('2026-10-31T16:00:00.000Z');
const RUNS = 25;
const near = (at: number) => fc.oneof(fc.constantFrom(-1, 0, 1, -1000, 999).map((d) => at + d), fc.integer({ min: -5 * DAY, max: 5 * DAY }).map((d) => at + d));
const iso = (ms: number) => new Date(ms).toISOString();

describe.each(databaseKinds)('dashboard SQL against the shared rules on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind);
    async function org() {
      const t = testDb();
      const { orgId } = await t.services.auth.createOrganisation({ name: 'Rules', adminEmail: 'a@rules.example' });
      const window: ReportWindow = { orgId, scope: { kind: 'organisation' }, from: new Date(FROM), to: new Date(AS_OF), asOf: new Date(AS_OF) };
      const clear = async () => {
        for (const table of ['timeline_items', 'follow_ups', 'service_items', 'customers']) await t.db.query(`DELETE FROM ${table} WHERE org_id = $1`, [orgId]);
      };
      const customer = async (cls: string, createdAt: number) => {
        const id = newId();
        await t.db.query(`INSERT INTO customers (id, org_id, name, customer_class, created_at) VALUES ($1, $2, $3, $4, $5)`, [id, orgId, id, cls, iso(createdAt)]);
        return id;
      };
      return { ...t, orgId, window, clear, customer };
    }

    it('dormant / within cadence (the rows and the counts) = dormancyOf at asOf over lastTouchAt at asOf', async () => {
      const t = await org();
      const cls = fc.constantFrom('A' as const, 'B' as const, 'C' as const);
      const customerArb = cls.chain((c) =>
        fc.record({
          cls: fc.constant(c),
          createdAt: near(AS_OF - DEFAULT_CADENCES[c].touchDays * DAY),
          // Near the boundary, or anywhere in the last year (older than the customer's creation too: imported history).
          touches: fc.array(
            fc.record({
              // Or around asOf itself: a touch at asOf or after it has not happened yet.
              at: fc.oneof(near(AS_OF - DEFAULT_CADENCES[c].touchDays * DAY), near(AS_OF), fc.integer({ min: AS_OF - 365 * DAY, max: AS_OF + DAY })),
              kind: fc.constantFrom('email', 'call', 'meeting', 'visit', 'note', 'complaint'),
            }),
            { maxLength: 3 },
          ),
        }),
      );
      await fc.assert(
        fc.asyncProperty(fc.array(customerArb, { minLength: 1, maxLength: 8 }), async (seeds) => {
          await t.clear();
          const expected = new Map<string, boolean>();
          for (const s of seeds) {
            const id = await t.customer(s.cls, s.createdAt);
            for (const touch of s.touches) {
              await t.db.query(`INSERT INTO timeline_items (id, org_id, customer_id, kind, occurred_at, summary) VALUES ($1, $2, $3, $4, $5, '')`, [newId(), t.orgId, id, touch.kind, iso(touch.at)]);
            }
            if (s.createdAt >= AS_OF) continue;
            // The sidebar's rule: the newest touch that has happened by asOf (later ones are still to come).
            const last = lastTouchAt(s.touches.map((x) => ({ kind: x.kind, occurredAt: iso(x.at) })), new Date(AS_OF));
            expected.set(id, dormancyOf({ customerClass: s.cls, createdAt: iso(s.createdAt) }, last, new Date(AS_OF)).status === 'dormant');
          }
          const paging = { limit: 100, offset: 0 };
          const dormant = await t.store.repos.reports.touchStates.rows(t.window, DEFAULT_CADENCES, true, {}, paging);
          const active = await t.store.repos.reports.touchStates.rows(t.window, DEFAULT_CADENCES, false, {}, paging);
          const actual = new Map([...dormant.rows.map((r) => [r.customerId, true] as const), ...active.rows.map((r) => [r.customerId, false] as const)]);
          expect(actual).toEqual(expected);
          // The counting query takes a shortcut (recent touches only): it must count the same.
          const cells = await t.store.repos.reports.touchStates.compliance(t.window, DEFAULT_CADENCES);
          expect(cells.reduce((n, c) => n + c.customers, 0)).toBe(expected.size);
          expect(cells.reduce((n, c) => n + c.compliant, 0)).toBe([...expected.values()].filter((d) => !d).length);
        }),
        { numRuns: RUNS, seed: 9 },
      );
    });

    it('first reply in time / late and open follow-ups overdue = serviceClock and isOverdue at asOf', async () => {
      const t = await org();
      const sla = DEFAULT_ORG_SETTINGS.sla;
      const itemArb = fc.record({
        urgent: fc.boolean(),
        received: fc.integer({ min: FROM, max: AS_OF - 1 }),
        replyAfterDue: fc.option(fc.oneof(fc.constantFrom(-1, 0, 1), fc.integer({ min: -3 * DAY, max: 3 * DAY })), { nil: null }),
      });
      const followUpArb = near(AS_OF);
      await fc.assert(
        fc.asyncProperty(fc.array(itemArb, { maxLength: 8 }), fc.array(followUpArb, { maxLength: 5 }), async (items, dues) => {
          await t.clear();
          const customerId = await t.customer('A', FROM - DAY);
          const want = { normal: { inTime: 0, late: 0 }, urgent: { inTime: 0, late: 0 } };
          for (const item of items) {
            const due = firstReplyDueAt(iso(item.received), item.urgent, sla);
            const reply = item.replyAfterDue === null ? null : iso(Date.parse(due) + item.replyAfterDue);
            await t.db.query(
              `INSERT INTO service_items (id, org_id, customer_id, type, urgent, channel, owner_user_id, summary, received_at, first_reply_due_at, first_reply_at)
               VALUES ($1, $2, $3, 'request', $4, 'email', (SELECT id FROM users WHERE org_id = $2), '', $5, $6, $7)`,
              [newId(), t.orgId, customerId, item.urgent, iso(item.received), due, reply],
            );
            const seen = reply !== null && Date.parse(reply) < AS_OF ? reply : null;
            const clock = serviceClock({ firstReplyDueAt: due, firstReplyAt: seen }, new Date(AS_OF));
            const bucket = want[item.urgent ? 'urgent' : 'normal'];
            if (clock.state === 'replied') bucket[clock.late ? 'late' : 'inTime'] += 1;
            if (clock.state === 'overdue') bucket.late += 1;
          }
          for (const due of dues) {
            await t.db.query(
              `INSERT INTO follow_ups (id, org_id, customer_id, owner_user_id, due_at, purpose, source, created_at)
               VALUES ($1, $2, $3, (SELECT id FROM users WHERE org_id = $2), $4, 'general', 'manual', $5)`,
              [newId(), t.orgId, customerId, iso(due), iso(FROM - DAY)],
            );
          }
          const service = await t.store.repos.reports.service.counts(t.window);
          expect({ normal: { inTime: service.reply.normal.inTime, late: service.reply.normal.late }, urgent: { inTime: service.reply.urgent.inTime, late: service.reply.urgent.late } }).toEqual(want);
          const followUps = await t.store.repos.reports.followUps.counts(t.window);
          expect(followUps.overdue).toBe(dues.filter((d) => isOverdue(iso(d), new Date(AS_OF))).length);
        }),
        { numRuns: RUNS, seed: 11 },
      );
    });
  });
});

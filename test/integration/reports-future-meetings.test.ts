import { describe, expect, it } from 'vitest';
import { createServices } from '../../server/domain/services';
import { toIso } from '../../server/storage/repositories/row-mapping';
import { dormancyOf, lastTouchAt } from '../../shared/domain/cadence';
import type { ReportQuery } from '../../shared/schemas/reports';
import type { TimelineKind } from '../../shared/schemas/timeline';
import { callerFor } from './support/actors';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';
import { reportWorld, seedTouch } from './support/report-world';

/**
 * The current period's dashboard and the sidebar apply one rule: a touch counts once it has
 * happened (shared/domain/cadence.ts hasHappened), so a calendar meeting still to come, later
 * this month or after it, makes no customer "within cadence". The known organisation of
 * reports.test.ts, asked on 8 December (12:00 in Shanghai) about this month.
 */
const NOW = new Date('2026-12-08T04:00:00Z');
const THIS_MONTH = { period: { kind: 'this-month' }, scope: 'organisation' } as const satisfies ReportQuery;

describe.each(databaseKinds)('dashboard: meetings still to come on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind);

    it('counts no meeting still to come as a touch, and says what the sidebar’s rule says for every customer', async () => {
      const t = testDb();
      const w = await reportWorld(t.services, t.db);
      // E1 (class A) last touched 28 Nov has a meeting on 20 Dec; W1 (class A, met 25 Nov) one in January.
      await seedTouch(t.db, w.admin.orgId, w.c.E1, 'meeting', '2026-12-20T02:00:00Z');
      await seedTouch(t.db, w.admin.orgId, w.c.W1, 'meeting', '2027-01-05T02:00:00Z');
      const reports = (await callerFor(createServices(t.store, { now: () => NOW }), w.admin.token)).reports;

      const cadence = await reports.cadence(THIS_MONTH);
      expect(cadence.period.asOf).toBe(NOW.toISOString());
      expect(cadence.byClass.find((c) => c.customerClass === 'A')).toMatchObject({ customers: 2, compliant: 0 });
      const overdue = (await reports.rows({ ...THIS_MONTH, figure: 'cadence.overdue' })).rows;
      expect(overdue.filter((r) => r.customerId === w.c.E1 || r.customerId === w.c.W1).map((r) => [r.customerName, r.at]).sort()).toEqual([
        ['East A1 华东', '2026-11-28T00:00:00.000Z'],
        ['West A', '2026-11-25T00:00:00.000Z'],
      ]);

      // The sidebar's dormancy flag over each customer's timeline, at the same instant: the same answer.
      const compliant = (await reports.rows({ ...THIS_MONTH, figure: 'cadence.compliant' })).rows;
      const listed = [...overdue, ...compliant];
      expect(listed.length).toBe(cadence.overall.customers);
      for (const row of listed) {
        const [customer] = await t.db.query<{ customer_class: 'A' | 'B' | 'C'; created_at: unknown }>('SELECT customer_class, created_at FROM customers WHERE id = $1', [row.customerId]);
        const items = await t.db.query<{ kind: TimelineKind; occurred_at: unknown }>('SELECT kind, occurred_at FROM timeline_items WHERE customer_id = $1', [row.customerId]);
        const last = lastTouchAt(items.map((i) => ({ kind: i.kind, occurredAt: toIso(i.occurred_at) })), NOW);
        const sidebar = dormancyOf({ customerClass: customer!.customer_class, createdAt: toIso(customer!.created_at) }, last, NOW);
        expect([row.customerName, row.at, row.state]).toEqual([row.customerName, last, sidebar.status]);
      }
    });
  });
});

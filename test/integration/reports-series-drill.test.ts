import { describe, expect, it } from 'vitest';
import type { ReportQuery } from '../../shared/schemas/reports';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';
import { reportsAs, reportWorld, rowNames as names } from './support/report-world';

/**
 * The figures behind the parts of the dashboard's multi-series charts that had no rows of their
 * own: the "in time" part of the stacked first-replies bars (`service.inTime`, beside
 * `service.late`) and the "previous" bars of the class / tier / stage charts (`customers.previous`:
 * the customers at the period's start with that value, beside `customers.current` at asOf).
 * The known organisation (support/report-world.ts), November 2026 in Shanghai.
 */
const NOW = new Date('2026-12-03T04:00:00Z');
const NOVEMBER = { period: { kind: 'custom', from: '2026-11-01', to: '2026-11-30' }, scope: 'organisation' } as const satisfies ReportQuery;
const H = 3_600_000;

describe.each(databaseKinds)('drill-down into each series of a chart on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind);
    async function setup() {
      const t = testDb();
      const w = await reportWorld(t.services, t.db);
      return { w, as: reportsAs(t.store, NOW) };
    }

    it('in-time first replies: the rows the "in time" part counts, normal and urgent, never the late ones', async () => {
      const { w, as } = await setup();
      const admin = await as(w.admin);
      const inTime = (urgent?: boolean) => admin.rows({ ...NOVEMBER, figure: 'service.inTime', filter: urgent === undefined ? {} : { urgent } });
      const normal = await inTime(false);
      expect(normal.rows.map((x) => [x.customerName, x.kind, x.durationMs])).toEqual([['East A1 华东', 'request', 10 * H]]);
      const urgent = await inTime(true);
      expect(urgent.rows.map((x) => [x.customerName, x.kind, x.durationMs])).toEqual([['East B1', 'urgent_complaint', 1 * H]]);
      expect((await inTime()).total).toBe(2);
      // Each part of each bar and its rows agree, and the two parts never share an item.
      const { firstReply } = await admin.service(NOVEMBER);
      for (const urgent of [false, true]) {
        const counts = urgent ? firstReply.urgent : firstReply.normal;
        const inTimeRows = await inTime(urgent);
        const lateRows = await admin.rows({ ...NOVEMBER, figure: 'service.late', filter: { urgent } });
        expect([urgent, inTimeRows.total, lateRows.total]).toEqual([urgent, counts.inTime, counts.late]);
        const late = new Set(lateRows.rows.map((x) => x.itemId));
        expect(inTimeRows.rows.filter((x) => late.has(x.itemId))).toEqual([]);
      }
    });

    it('in-time first replies follow the same scope rules as the other service rows', async () => {
      const { w, as } = await setup();
      // A support lead across the organisation: service rows are theirs to see.
      expect((await (await as(w.supportLead)).rows({ ...NOVEMBER, figure: 'service.inTime' })).total).toBe(2);
      const rep = await as(w.eastRep);
      expect(names(await rep.rows({ ...NOVEMBER, scope: 'me', figure: 'service.inTime' }))).toEqual(['East A1 华东', 'East B1']);
      expect((await (await as(w.eastRep2)).rows({ ...NOVEMBER, scope: 'me', figure: 'service.inTime' })).total).toBe(0);
      for (const scope of ['department', 'organisation'] as const) {
        await expect(rep.rows({ ...NOVEMBER, scope, figure: 'service.inTime' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      }
      expect((await (await as(w.westRep)).rows({ ...NOVEMBER, scope: 'me', figure: 'service.inTime' })).total).toBe(0);
      expect((await (await as(w.eastManager)).rows({ ...NOVEMBER, scope: 'department', figure: 'service.inTime' })).total).toBe(2);
    });

    it('customers at the period’s start with a value: the "previous" bar, not today’s', async () => {
      const { w, as } = await setup();
      const admin = await as(w.admin);
      const previous = (customerClass: 'A' | 'B' | 'C' | 'none') => admin.rows({ ...NOVEMBER, figure: 'customers.previous', filter: { customerClass } });
      // East A1 was B until 15 November; East B2 was created after the period began.
      expect(names(await previous('B'))).toEqual(['East A1 华东', 'East B1']);
      expect(names(await previous('A'))).toEqual(['West A']);
      expect(names(await admin.rows({ ...NOVEMBER, figure: 'customers.current', filter: { customerClass: 'B' } }))).toEqual(['East B1', 'East B2']);
      // Every previous bar of every dimension and its rows agree.
      const report = await admin.customers(NOVEMBER);
      const key = { class: 'customerClass', tier: 'valueTier', stage: 'pyramidStage' } as const;
      for (const d of report.dimensions) {
        for (const e of d.entries) {
          const page = await admin.rows({ ...NOVEMBER, figure: 'customers.previous', filter: { [key[d.dimension]]: e.value } });
          expect([d.dimension, e.value, page.total]).toEqual([d.dimension, e.value, e.previous]);
        }
      }
      // Inside the scope only: the East manager has no West A, a support lead no customer figures.
      const manager = await as(w.eastManager);
      expect((await manager.rows({ ...NOVEMBER, scope: 'department', figure: 'customers.previous', filter: { customerClass: 'A' } })).total).toBe(0);
      await expect((await as(w.supportLead)).rows({ ...NOVEMBER, figure: 'customers.previous' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });

    it('refuses a figure that is not one, naming the field', async () => {
      const { w, as } = await setup();
      await expect((await as(w.admin)).rows({ ...NOVEMBER, figure: 'service.in-time' } as never)).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringMatching(/^figure: /),
      });
    });
  });
});

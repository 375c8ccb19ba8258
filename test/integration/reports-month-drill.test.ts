import { describe, expect, it } from 'vitest';
import type { ReportQuery } from '../../shared/schemas/reports';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';
import { reportsAs, reportWorld, rowNames as names, seedCustomer } from './support/report-world';

/**
 * One bar of "new customers per rep per month": a rep's new customers created in one local month
 * of the organisation's zone (Asia/Shanghai), clipped to the period, half-open at both ends. The
 * known organisation (support/report-world.ts) plus customers on either side of the October /
 * November boundary and of the period's own ends. The period spans three months, as a custom
 * range can.
 */
const NOW = new Date('2026-12-03T04:00:00Z');
// [2026-10-15 00:00, 2026-12-02 00:00) in Shanghai: October and December are clipped.
const RANGE = { period: { kind: 'custom', from: '2026-10-15', to: '2026-12-01' }, scope: 'organisation' } as const satisfies ReportQuery;

describe.each(databaseKinds)('drill-down into one rep’s month of new customers on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind);
    async function setup() {
      const t = testDb();
      const w = await reportWorld(t.services, t.db);
      const org = w.admin.orgId;
      const rep = w.eastRep.userId;
      const add = (name: string, created: string) => seedCustomer(t.db, org, { name, cls: 'C', owner: rep, dept: w.departments.east, created });
      await add('十月末 Oct 31', '2026-10-31T23:30:00+08:00');
      await add('十一月初 Nov 1', '2026-11-01T00:10:00+08:00');
      // Before the period's first day and on the day after its last one: in no bar.
      await add('Before the period', '2026-10-14T23:59:00+08:00');
      await add('After the period', '2026-12-02T00:00:00+08:00');
      return { w, as: reportsAs(t.store, NOW) };
    }

    it('each month’s rows are exactly the customers its bar counts, in the organisation’s zone', async () => {
      const { w, as } = await setup();
      const admin = await as(w.admin);
      const month = (m: string, ownerUserId: string | null = w.eastRep.userId) => admin.rows({ ...RANGE, figure: 'growth.newCustomers', filter: { ownerUserId, month: m } });

      // 23:30 on 31 October stays in October; 00:10 on 1 November is November's, beside East B2
      // (00:30 on 1 November); East C2 is 00:00 on 1 December, the first instant of December.
      expect(names(await month('2026-10'))).toEqual(['十月末 Oct 31']);
      expect(names(await month('2026-11'))).toEqual(['十一月初 Nov 1', 'East B2']);
      expect(names(await month('2026-12'))).toEqual(['East C2']);
      expect((await month('2026-09')).total).toBe(0);
      expect(names(await month('2026-11', w.eastRep2.userId))).toEqual(['East C1', 'East none']);

      // Every bar of the chart and its rows agree, for every rep (and the unassigned row).
      const growth = await admin.growth(RANGE);
      expect(growth.newCustomers.months).toEqual(['2026-10', '2026-11', '2026-12']);
      expect(growth.newCustomers.reps.find((r) => r.userId === w.eastRep.userId)?.perMonth).toEqual([1, 2, 1]);
      for (const rep of growth.newCustomers.reps) {
        for (const [i, m] of growth.newCustomers.months.entries()) {
          const page = await month(m, rep.userId);
          expect([rep.name, m, page.total, page.rows.length]).toEqual([rep.name, m, rep.perMonth[i], rep.perMonth[i]]);
        }
      }

      // The same instants in UTC: 31 October 15:30Z and 16:10Z are both October's, 16:30Z too.
      const utc = await admin.rows({ ...RANGE, timeZone: 'UTC', figure: 'growth.newCustomers', filter: { ownerUserId: w.eastRep.userId, month: '2026-10' } });
      expect(names(utc)).toEqual(['十月末 Oct 31', '十一月初 Nov 1', 'East B2']);
    });

    it('a rep gets only their own month; another rep’s is empty and a wider scope is refused', async () => {
      const { w, as } = await setup();
      const rep = await as(w.eastRep);
      const mine = { ...RANGE, scope: 'me' } as const;
      expect(names(await rep.rows({ ...mine, figure: 'growth.newCustomers', filter: { ownerUserId: w.eastRep.userId, month: '2026-11' } }))).toEqual(['十一月初 Nov 1', 'East B2']);
      expect(names(await rep.rows({ ...mine, figure: 'growth.newCustomers', filter: { month: '2026-11' } }))).toEqual(['十一月初 Nov 1', 'East B2']);
      const other = await rep.rows({ ...mine, figure: 'growth.newCustomers', filter: { ownerUserId: w.eastRep2.userId, month: '2026-11' } });
      expect([other.total, other.rows]).toEqual([0, []]);
      for (const scope of ['department', 'organisation'] as const) {
        await expect(rep.rows({ ...RANGE, scope, figure: 'growth.newCustomers', filter: { ownerUserId: w.eastRep2.userId, month: '2026-11' } })).rejects.toMatchObject({
          code: 'FORBIDDEN',
        });
      }
      // A manager asks inside their department only: the West rep's month is empty for them.
      const manager = await as(w.eastManager);
      const dept = { ...RANGE, scope: 'department' } as const;
      expect(names(await manager.rows({ ...dept, figure: 'growth.newCustomers', filter: { ownerUserId: w.eastRep.userId, month: '2026-10' } }))).toEqual(['十月末 Oct 31']);
      expect((await manager.rows({ ...dept, figure: 'growth.newCustomers', filter: { ownerUserId: w.westRep.userId, month: '2026-11' } })).total).toBe(0);
    });

    it('refuses a month that is not one, saying so', async () => {
      const { w, as } = await setup();
      const admin = await as(w.admin);
      for (const month of ['2026-13', '2026-1', '2026-11-01', 'November']) {
        await expect(admin.rows({ ...RANGE, figure: 'growth.newCustomers', filter: { month } } as never)).rejects.toMatchObject({
          code: 'BAD_REQUEST',
          message: 'filter.month: must be a month such as 2026-11',
        });
      }
      for (const month of ['0099-11', '9999-12']) {
        await expect(admin.rows({ ...RANGE, figure: 'growth.newCustomers', filter: { month } } as never)).rejects.toMatchObject({
          code: 'BAD_REQUEST',
          message: 'filter.month: must be a month from 1970-01 to 2999-12',
        });
      }
    });
  });
});

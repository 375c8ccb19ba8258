import { describe, expect, it } from 'vitest';
import type { Queryable } from '../../server/storage/database';
import type { FollowUpSource } from '../../shared/schemas/follow-up';
import type { ReportQuery } from '../../shared/schemas/reports';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';
import { newId } from './support/ids';
import { reportsAs, reportWorld, rowNames as names, seedCustomer } from './support/report-world';

/**
 * The two drill-down filters the dashboard's charts need beyond the others: a follow-up's source
 * (the "follow-ups by source" bars) and "no owner" (the "unassigned" rep row). The known
 * organisation (support/report-world.ts) plus customers nobody owns and follow-ups from other
 * sources, in both departments and in the other organisation. Same period and "now" as reports.test.ts.
 */
const NOW = new Date('2026-12-03T04:00:00Z');
const NOVEMBER = { period: { kind: 'custom', from: '2026-11-01', to: '2026-11-30' }, scope: 'organisation' } as const satisfies ReportQuery;

const followUp = (db: Queryable, orgId: string, customerId: string, owner: string, source: FollowUpSource, created: string, due: string) =>
  db.query(
    `INSERT INTO follow_ups (id, org_id, customer_id, owner_user_id, due_at, reason, purpose, source, status, created_at)
     VALUES ($1, $2, $3, $4, $5, '回复客户邮件', 'general', $6, 'open', $7)`,
    [newId(), orgId, customerId, owner, due, source, created],
  );

describe.each(databaseKinds)('drill-down by source and by "no owner" on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind);
    async function setup() {
      const t = testDb();
      const w = await reportWorld(t.services, t.db);
      const org = w.admin.orgId;
      const { east, west } = w.departments;
      // Unowned: one in each department (East: 27 days untouched, dormant; West class C, 10 days
      // old, within its 14 days) and one in the other organisation, which must never show.
      await seedCustomer(t.db, org, { name: 'Unowned East 无主', cls: 'B', owner: null, dept: east, created: '2026-11-03T00:00:00Z' });
      await seedCustomer(t.db, org, { name: 'Unowned West', cls: 'C', owner: null, dept: west, created: '2026-11-20T00:00:00Z' });
      const [other] = await t.db.query<{ org_id: string; owner_user_id: string }>('SELECT org_id, owner_user_id FROM customers WHERE id = $1', [w.c.Other]);
      await seedCustomer(t.db, other!.org_id, { name: 'Other Unowned', cls: 'A', owner: null, dept: null, created: '2026-11-05T00:00:00Z' });
      // Follow-ups besides the world's three manual ones: a reply owed (overdue) in the East, a
      // complaint's in the West, and the other organisation's.
      await followUp(t.db, org, w.c.E2, w.eastRep.userId, 'email_reply', '2026-11-08T00:00:00Z', '2026-11-09T00:00:00Z');
      await followUp(t.db, org, w.c.W1, w.westRep.userId, 'complaint', '2026-11-21T00:00:00Z', '2026-12-10T00:00:00Z');
      await followUp(t.db, other!.org_id, w.c.Other, other!.owner_user_id, 'email_reply', '2026-11-10T00:00:00Z', '2026-11-11T00:00:00Z');
      return { w, as: reportsAs(t.store, NOW) };
    }

    it('follow-ups by source: each bar’s rows are the ones it counts, alone or with an owner', async () => {
      const { w, as } = await setup();
      const admin = await as(w.admin);
      const { followUps } = await admin.activity(NOVEMBER);
      expect(followUps.createdBySource).toMatchObject({ manual: 3, email_reply: 1, complaint: 1, cadence: 0 });
      for (const [source, count] of Object.entries(followUps.createdBySource) as [FollowUpSource, number][]) {
        const page = await admin.rows({ ...NOVEMBER, figure: 'followUps.created', filter: { source } });
        expect([source, page.total, page.rows.length]).toEqual([source, count, count]);
      }
      expect(names(await admin.rows({ ...NOVEMBER, figure: 'followUps.created', filter: { source: 'email_reply' } }))).toEqual(['East B1']);
      expect(names(await admin.rows({ ...NOVEMBER, figure: 'followUps.overdue', filter: { source: 'email_reply' } }))).toEqual(['East B1']);
      expect((await admin.rows({ ...NOVEMBER, figure: 'followUps.overdue', filter: { source: 'manual' } })).total).toBe(2);
      const westComplaint = await admin.rows({ ...NOVEMBER, figure: 'followUps.created', filter: { source: 'complaint', ownerUserId: w.westRep.userId } });
      expect(names(westComplaint)).toEqual(['West A']);
      expect((await admin.rows({ ...NOVEMBER, figure: 'followUps.created', filter: { source: 'complaint', ownerUserId: w.eastRep.userId } })).total).toBe(0);
      // A follow-up always has an owner: "no owner" finds none (the filter names the record's owner here).
      expect((await admin.rows({ ...NOVEMBER, figure: 'followUps.created', filter: { ownerUserId: null } })).total).toBe(0);

      // Inside the scope only: the East manager never gets the West's complaint follow-up.
      const manager = await as(w.eastManager);
      const dept = { ...NOVEMBER, scope: 'department' } as const;
      expect((await manager.rows({ ...dept, figure: 'followUps.created', filter: { source: 'complaint' } })).total).toBe(0);
      expect(names(await manager.rows({ ...dept, figure: 'followUps.created', filter: { source: 'email_reply' } }))).toEqual(['East B1']);
    });

    it('the "unassigned" row: customers without an owner, as counted, inside the caller’s scope only', async () => {
      const { w, as } = await setup();
      const admin = await as(w.admin);
      const cadence = await admin.cadence(NOVEMBER);
      const unassigned = cadence.byRep.find((r) => r.userId === null);
      expect(unassigned).toMatchObject({ name: null, customers: 2, compliant: 1 });
      const overdue = await admin.rows({ ...NOVEMBER, figure: 'cadence.overdue', filter: { ownerUserId: null } });
      expect(names(overdue)).toEqual(['Unowned East 无主']);
      expect(overdue.rows[0]).toMatchObject({ ownerUserId: null, ownerName: null, state: 'dormant' });
      expect(overdue.total).toBe(unassigned!.customers - unassigned!.compliant);
      expect(names(await admin.rows({ ...NOVEMBER, figure: 'cadence.compliant', filter: { ownerUserId: null } }))).toEqual(['Unowned West']);
      // Naming an owner still means that owner only, and leaving it out still means everyone.
      expect(names(await admin.rows({ ...NOVEMBER, figure: 'cadence.overdue', filter: { ownerUserId: w.eastRep2.userId } }))).toEqual(['East C1']);
      expect((await admin.rows({ ...NOVEMBER, figure: 'cadence.overdue' })).total).toBe(cadence.dormant.count);

      const growth = await admin.growth(NOVEMBER);
      expect(growth.newCustomers.reps.find((r) => r.userId === null)).toMatchObject({ name: null, perMonth: [2], total: 2 });
      const created = await admin.rows({ ...NOVEMBER, figure: 'growth.newCustomers', filter: { ownerUserId: null } });
      expect(names(created)).toEqual(['Unowned East 无主', 'Unowned West']);
      expect(names(await admin.rows({ ...NOVEMBER, figure: 'growth.newCustomers', filter: { ownerUserId: null, month: '2026-11' } }))).toEqual(names(created));
      const west = { ...NOVEMBER, scope: 'department', departmentId: w.departments.west } as const;
      expect(names(await admin.rows({ ...west, figure: 'growth.newCustomers', filter: { ownerUserId: null } }))).toEqual(['Unowned West']);

      // A manager's unassigned row is their department's; a rep owns theirs, so "no owner" is empty.
      const manager = await as(w.eastManager);
      const dept = { ...NOVEMBER, scope: 'department' } as const;
      expect(names(await manager.rows({ ...dept, figure: 'growth.newCustomers', filter: { ownerUserId: null } }))).toEqual(['Unowned East 无主']);
      expect(names(await manager.rows({ ...dept, figure: 'cadence.overdue', filter: { ownerUserId: null } }))).toEqual(['Unowned East 无主']);
      expect((await manager.rows({ ...dept, figure: 'cadence.compliant', filter: { ownerUserId: null } })).total).toBe(0);
      const rep = await as(w.eastRep);
      expect((await rep.rows({ ...NOVEMBER, scope: 'me', figure: 'growth.newCustomers', filter: { ownerUserId: null } })).total).toBe(0);
      await expect(rep.rows({ ...NOVEMBER, figure: 'cadence.overdue', filter: { ownerUserId: null } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });

    it('refuses a source or an owner that is not one, saying which', async () => {
      const { w, as } = await setup();
      const admin = await as(w.admin);
      const bad = (filter: unknown) => admin.rows({ ...NOVEMBER, figure: 'followUps.created', filter } as never);
      await expect(bad({ source: 'fax' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/source/) });
      await expect(bad({ ownerUserId: 'nobody' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/ownerUserId/) });
    });
  });
});

import { describe, expect, it } from 'vitest';
import { createServices } from '../../server/domain/services';
import type { ReportQuery } from '../../shared/schemas/reports';
import { callerFor, type Actor } from './support/actors';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';
import { reportWorld, type ReportWorld } from './support/report-world';

/**
 * The dashboard's figures on a known organisation (support/report-world.ts), each checked against
 * the number worked out by hand. Period: November 2026 in Asia/Shanghai (the organisation's
 * zone), i.e. [2026-10-31T16:00Z, 2026-11-30T16:00Z); "now" is 3 December, so asOf = the end.
 */
const NOW = new Date('2026-12-03T04:00:00Z');
const NOVEMBER = { period: { kind: 'custom', from: '2026-11-01', to: '2026-11-30' }, scope: 'organisation' } as const satisfies ReportQuery;
const H = 3_600_000;

describe.each(databaseKinds)('dashboard figures on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind);
    async function setup() {
      const t = testDb();
      const w = await reportWorld(t.services, t.db);
      const services = createServices(t.store, { now: () => NOW });
      const as = async (a: Actor) => (await callerFor(services, a.token)).reports;
      return { ...t, w, as };
    }
    const names = (rows: { customerName: string }[]) => rows.map((r) => r.customerName);

    it('resolves the period in the organisation’s zone, half-open, with asOf at its end', async () => {
      const { w, as } = await setup();
      const r = await (await as(w.admin)).customers(NOVEMBER);
      expect(r.period).toMatchObject({ from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z', asOf: '2026-11-30T16:00:00.000Z', previousFrom: '2026-10-01T16:00:00.000Z', timeZone: 'Asia/Shanghai' });
      const utc = await (await as(w.admin)).customers({ ...NOVEMBER, timeZone: 'UTC' });
      expect(utc.period).toMatchObject({ from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' });
      const thisMonth = await (await as(w.admin)).customers({ period: { kind: 'this-month' }, scope: 'me' });
      expect(thisMonth.period).toMatchObject({ from: '2026-11-30T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z', asOf: NOW.toISOString() });
    });

    it('customers per class, tier and stage, before and after, and who moved (from the audit trail)', async () => {
      const { w, as } = await setup();
      const r = await (await as(w.admin)).customers(NOVEMBER);
      // At the end: E1 A, E2 B, E3 C, E4 none, E6 B, W1 A (E5 is December's, Gone deleted, Other another org's).
      expect([r.total, r.previousTotal]).toEqual([6, 3]);
      const dim = (d: string) => r.dimensions.find((x) => x.dimension === d)!;
      const counts = (d: string) => Object.fromEntries(dim(d).entries.map((e) => [e.value, [e.count, e.previous]]));
      expect(counts('class')).toEqual({ A: [2, 1], B: [2, 2], C: [1, 0], none: [1, 0] });
      expect(dim('class')).toMatchObject({ moves: [{ from: 'B', to: 'A', count: 1 }], upgraded: 1, downgraded: 0 });
      // E2 became 'general' only in December: still 'important' at the end of November.
      expect(counts('tier')).toMatchObject({ strategic: [1, 1], important: [1, 1], general: [0, 0], none: [4, 1] });
      expect(dim('tier').moves).toEqual([]);
      expect(counts('stage')).toMatchObject({ strategic: [1, 1], important: [1, 0], transacting: [0, 1] });
      expect(dim('stage')).toMatchObject({ moves: [{ from: 'transacting', to: 'important', count: 1 }], upgraded: 1 });

      const moved = await (await as(w.admin)).rows({ ...NOVEMBER, figure: 'customers.moved' });
      expect(moved.rows.map((m) => [m.customerName, m.change])).toEqual([
        ['East A1 华东', { dimension: 'class', from: 'B', to: 'A' }],
        ['West A', { dimension: 'stage', from: 'transacting', to: 'important' }],
      ]);
      const classB = await (await as(w.admin)).rows({ ...NOVEMBER, figure: 'customers.current', filter: { customerClass: 'B' } });
      expect(names(classB.rows)).toEqual(['East B1', 'East B2']);
      const unclassified = await (await as(w.admin)).rows({ ...NOVEMBER, figure: 'customers.current', filter: { customerClass: 'none' } });
      expect(names(unclassified.rows)).toEqual(['East none']);
    });

    it('cadence compliance per class and rep, dormant customers and the overdue list (Shanghai vs UTC boundaries)', async () => {
      const { w, as } = await setup();
      const r = await (await as(w.admin)).cadence(NOVEMBER);
      expect(r.overall).toEqual({ customers: 5, compliant: 2, share: 0.4 });
      expect(r.dormant).toEqual({ count: 3, byClass: { A: 0, B: 2, C: 1 } });
      expect(r.byClass.map((c) => [c.customerClass, c.customers, c.compliant, c.touchDays])).toEqual([['A', 2, 2, 7], ['B', 2, 0, 7], ['C', 1, 0, 14]]);
      expect(r.byRep.map((x) => [x.name, x.customers, x.compliant])).toEqual([['east.rep2', 1, 0], ['east.rep', 3, 1], ['west.rep', 1, 1]]);
      const overdue = await (await as(w.admin)).rows({ ...NOVEMBER, figure: 'cadence.overdue' });
      // Longest without a touch first: E6 (created, never touched), E3 (created 10 Nov), E2 (call on 20 Nov).
      expect(names(overdue.rows)).toEqual(['East B2', 'East C1', 'East B1']);
      expect(overdue.rows[2]).toMatchObject({ at: '2026-11-20T00:00:00.000Z', durationMs: 10 * 24 * H + 16 * H, state: 'dormant' });
      // In UTC, November ends 8 hours later: E5 exists (created 16:00 UTC on the 30th) and is 8 hours old; E6 is October's but was created then too.
      const utc = await (await as(w.admin)).cadence({ ...NOVEMBER, timeZone: 'UTC' });
      expect(utc.overall).toEqual({ customers: 6, compliant: 3, share: 0.5 });
    });

    it('follow-ups, visit plans and reviewed reports', async () => {
      const { w, as } = await setup();
      const r = await (await as(w.admin)).activity(NOVEMBER);
      expect(r.followUps).toMatchObject({ created: 3, done: 1, skipped: 1, overdue: 2 });
      expect(r.followUps.createdBySource).toMatchObject({ manual: 3, cadence: 0 });
      expect(r.visits).toEqual({ planned: 3, due: 3, held: 1, cancelled: 1, stillPlanned: 1, completion: 1 / 3 });
      expect(r.visitReports).toEqual({ reported: 2, reviewed: 1, share: 0.5 });
      const overdue = await (await as(w.admin)).rows({ ...NOVEMBER, figure: 'followUps.overdue' });
      expect(overdue.rows.map((x) => x.dueAt)).toEqual(['2026-10-15T00:00:00.000Z', '2026-11-20T00:00:00.000Z']);
      const unreviewed = await (await as(w.admin)).rows({ ...NOVEMBER, figure: 'visits.unreviewed' });
      expect(unreviewed.rows.map((x) => x.at)).toEqual(['2026-11-02T00:00:00.000Z']);
    });

    it('service: opened, first replies within 24 h / 2 h with medians, past deadline, satisfaction, feedback', async () => {
      const { w, as } = await setup();
      const r = await (await as(w.admin)).service(NOVEMBER);
      expect(r.opened).toEqual({ requests: 3, complaints: 2, urgent: 2 });
      expect(r.firstReply.normal).toEqual({ hours: 24, decided: 2, inTime: 1, late: 1, share: 0.5, medianMs: 20 * H });
      expect(r.firstReply.urgent).toEqual({ hours: 2, decided: 2, inTime: 1, late: 1, share: 0.5, medianMs: 1 * H });
      expect(r.pastDeadline).toBe(2);
      expect(r.satisfaction).toEqual({ count: 3, average: 11 / 3, distribution: [0, 1, 0, 1, 1] });
      expect(r.feedback).toEqual({ praise: 1, complaint: 1, suggestion: 1 });
      const late = await (await as(w.admin)).rows({ ...NOVEMBER, figure: 'service.late', filter: { urgent: true } });
      expect(late.rows.map((x) => [x.customerName, x.kind, x.durationMs])).toEqual([['East B1', 'urgent_request', null]]);
      const rated = await (await as(w.admin)).rows({ ...NOVEMBER, figure: 'service.rated', filter: { rating: 5 } });
      expect(rated.rows.map((x) => x.kind)).toEqual(['visit']);
    });

    it('new customers per rep and month against the target, revenue concentration', async () => {
      const { w, as } = await setup();
      const r = await (await as(w.admin)).growth(NOVEMBER);
      expect(r.newCustomers.months).toEqual(['2026-11']);
      expect(r.newCustomers.target).toBe(3);
      const reps = Object.fromEntries(r.newCustomers.reps.map((x) => [x.name, x.perMonth]));
      expect(reps).toEqual({ 'east.manager': [0], 'east.rep': [1], 'east.rep2': [2], 'west.rep': [0], 'account.manager': [0] });
      expect(r.newCustomers.total).toBe(3);
      expect(r.revenue).toEqual([
        { currency: 'CNY', customers: 5, topCount: 1, topAmount: 1_000_000, totalAmount: 2_050_000, share: 1_000_000 / 2_050_000 },
        { currency: 'USD', customers: 1, topCount: 1, topAmount: 10_000, totalAmount: 10_000, share: 1 },
      ]);
      const shanghai = await (await as(w.admin)).rows({ ...NOVEMBER, figure: 'growth.newCustomers', filter: { ownerUserId: w.eastRep.userId } });
      expect(names(shanghai.rows)).toEqual(['East B2']);
      const utc = await (await as(w.admin)).rows({ ...NOVEMBER, timeZone: 'UTC', figure: 'growth.newCustomers', filter: { ownerUserId: w.eastRep.userId, month: '2026-11' } });
      expect(names(utc.rows)).toEqual(['East C2']);
    });

    it('scopes: a rep sees their own customers only and is refused the department and the organisation', async () => {
      const { w, as } = await setup();
      const rep = await as(w.eastRep);
      const mine = await rep.cadence({ ...NOVEMBER, scope: 'me' });
      expect(mine.byRep.map((x) => x.name)).toEqual(['east.rep']);
      expect(mine.overall).toEqual({ customers: 3, compliant: 1, share: 1 / 3 });
      for (const scope of ['department', 'organisation'] as const) {
        await expect(rep.cadence({ ...NOVEMBER, scope })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/scope "me"/) });
        await expect(rep.rows({ ...NOVEMBER, scope, figure: 'cadence.overdue' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      }
      const rows = await rep.rows({ ...NOVEMBER, scope: 'me', figure: 'customers.current' });
      expect(names(rows.rows)).toEqual(['East A1 华东', 'East B1', 'East B2']);
      // Drill-down rows carry no sensitive field, whoever asks.
      const admin = await (await as(w.admin)).rows({ ...NOVEMBER, figure: 'customers.current' });
      expect(JSON.stringify(admin)).not.toMatch(/SECRET/);
    });

    it('scopes: managers see their department, admins any department, support leads organisation-wide service only', async () => {
      const { w, as } = await setup();
      const manager = await as(w.eastManager);
      const dept = await manager.growth({ ...NOVEMBER, scope: 'department' });
      expect((await manager.cadence({ ...NOVEMBER, scope: 'department' })).dormant.count).toBe(3);
      expect(dept.revenue[0]).toMatchObject({ currency: 'CNY', customers: 4, totalAmount: 1_650_000 });
      await expect(manager.growth({ ...NOVEMBER, scope: 'organisation' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(manager.growth({ ...NOVEMBER, scope: 'department', departmentId: w.departments.west })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const west = await (await as(w.admin)).cadence({ ...NOVEMBER, scope: 'department', departmentId: w.departments.west });
      expect(west.overall).toEqual({ customers: 1, compliant: 1, share: 1 });
      const support = await as(w.supportLead);
      const service = await support.service(NOVEMBER);
      // No visit reports for a support lead: the visit's 5 and its suggestion are left out.
      expect(service.satisfaction).toEqual({ count: 2, average: 3, distribution: [0, 1, 0, 1, 0] });
      expect(service.feedback).toEqual({ praise: 1, complaint: 1, suggestion: 0 });
      await expect(support.cadence(NOVEMBER)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(support.rows({ ...NOVEMBER, figure: 'cadence.overdue' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const opened = await support.rows({ ...NOVEMBER, figure: 'service.opened' });
      expect(opened.total).toBe(5);
    });
  });
});

import { describe, expect, it } from 'vitest';
import { addDays, instantAt, localDateOf } from '../../shared/domain/zoned-time';
import { cadenceFollowUpsJob } from '../../server/jobs/cadence-follow-ups';
import { invitedUser, signedInAdmin } from './support/actors';
import { databaseKinds, kindLabel, useTestDatabase, type TestDatabase } from './support/databases';
import { customerOf, followUpLogEntries, fu, storedFollowUps } from './support/follow-ups';
import { m, outcomes } from './support/mutations';
import { pullAll, rowsOf } from './support/pull';
import { timelineItem } from './support/records';

// The organisation's zone is the default (Asia/Shanghai); "days ago" are its calendar days,
// touches at noon there, and the job runs at 08:00 there today.
const ZONE = 'Asia/Shanghai';
const today = localDateOf(new Date(), ZONE);
const now = instantAt(today, ZONE, 8);
const daysAgo = (n: number) => instantAt(addDays(today, -n), ZONE, 12).toISOString();

async function world(t: TestDatabase) {
  const admin = await signedInAdmin(t.services);
  const rep = await invitedUser(t.services, admin, 'rep@a.example');
  const owned = { ownerUserId: rep.userId };
  const ids = {
    touchedInTime: await customerOf(admin, 'A 六天前联系', { customerClass: 'A', ...owned }),
    dueToday: await customerOf(admin, 'A 七天前联系', { customerClass: 'A', ...owned }),
    visitDue: await customerOf(admin, 'B 拜访到期', { customerClass: 'B', ...owned }),
    cTouchedInTime: await customerOf(admin, 'C 十三天前', { customerClass: 'C', ...owned }),
    unowned: await customerOf(admin, 'No owner', { customerClass: 'A' }),
    unclassified: await customerOf(admin, 'No class', owned),
    deleted: await customerOf(admin, 'Deleted', { customerClass: 'A', ...owned }),
  };
  const api = await admin.api();
  const touches = [
    fu.logTouch(ids.touchedInTime, 'call', daysAgo(6)),
    fu.logTouch(ids.dueToday, 'email', daysAgo(7)),
    fu.logTouch(ids.visitDue, 'visit', daysAgo(90)),
    fu.logTouch(ids.visitDue, 'call', daysAgo(2)),
    fu.logTouch(ids.cTouchedInTime, 'call', daysAgo(13)),
    fu.logTouch(ids.cTouchedInTime, 'meeting', daysAgo(100)),
    fu.logTouch(ids.unowned, 'call', daysAgo(30)),
    fu.logTouch(ids.unclassified, 'call', daysAgo(30)),
    fu.logTouch(ids.deleted, 'call', daysAgo(30)),
    m.deleteCustomer(ids.deleted),
  ];
  expect(outcomes(await api.sync.push({ mutations: touches }))).toEqual(Array(touches.length).fill('applied'));
  return { admin, rep, ids };
}

const run = (t: TestDatabase, at = now) => cadenceFollowUpsJob.run({ services: t.services, now: at, signal: new AbortController().signal });

describe.each(databaseKinds)('cadence follow-ups job on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind);

    it('makes the due follow-ups once, to the owner, and none for a customer touched in time', async () => {
      const t = testDb();
      const { rep, ids } = await world(t);
      await run(t);
      const rows = rowsOf((await pullAll(await rep.api())).changes, 'followUp');
      expect(rows.map((r) => [r.customerId, r.purpose]).sort()).toEqual(
        [
          [ids.dueToday, 'cadence_touch'],
          // The customer created today has no earlier touch than its visit 90 days ago.
          [ids.visitDue, 'cadence_visit'],
        ].sort(),
      );
      for (const row of rows) {
        expect(row).toMatchObject({ ownerUserId: rep.userId, source: 'cadence', status: 'open', reason: '', createdByUserId: null });
        // Due at 09:00 (the reminder hour) in the organisation's zone on the due day: today.
        expect(row.dueAt).toBe(instantAt(today, ZONE, 9).toISOString());
      }
      const keys = (await storedFollowUps(t)).map((r) => r.dedupe_key);
      expect(keys).toContain(`cadence:touch:${ids.dueToday}:${addDays(today, -7)}`);
      // The audit trail names the job as the author: the server's work, no person or device.
      const trail = await t.db.query<{ user_id: string | null; action: string }>("SELECT user_id, action FROM audit_events WHERE entity = 'follow_ups'");
      expect(trail).toEqual(rows.map(() => ({ user_id: null, action: 'job.cadence-follow-ups' })));
    });

    it('is idempotent: run twice, then three times at once, it still made each follow-up once', async () => {
      const t = testDb();
      await world(t);
      await run(t);
      const once = await storedFollowUps(t);
      const logged = await followUpLogEntries(t);
      await run(t);
      await Promise.all([run(t), run(t), run(t)]);
      expect(await storedFollowUps(t)).toEqual(once);
      expect(await followUpLogEntries(t)).toBe(logged);
      expect(once).toHaveLength(2);
    });

    it('a logged touch ends the open one; the next comes one period after the touch, not before', async () => {
      const t = testDb();
      const { admin, ids } = await world(t);
      await run(t);
      const api = await admin.api();
      // Logged as it happens, on the real clock: the server refuses a touch in the future and
      // stamps the follow-up it ends with the real time, so the touch's day is the real one
      // (today, unless midnight in Shanghai passed since this file loaded).
      const touchedAt = new Date();
      const touchDay = localDateOf(touchedAt, ZONE);
      const touch = fu.logTouch(ids.dueToday, 'call', touchedAt.toISOString());
      expect(outcomes(await api.sync.push({ mutations: [touch] }))).toEqual(['applied']);
      await run(t);
      const touchRows = (await storedFollowUps(t)).filter((r) => r.customer_id === ids.dueToday);
      expect(touchRows).toEqual([expect.objectContaining({ status: 'done', closed_by: 'touch' })]);
      await run(t, instantAt(addDays(touchDay, 6), ZONE, 8));
      expect((await storedFollowUps(t)).filter((r) => r.customer_id === ids.dueToday)).toHaveLength(1);
      await run(t, instantAt(addDays(touchDay, 7), ZONE, 8));
      const next = (await storedFollowUps(t)).filter((r) => r.customer_id === ids.dueToday && r.status === 'open');
      expect(next).toEqual([expect.objectContaining({ dedupe_key: `cadence:touch:${ids.dueToday}:${touchDay}` })]);
    });

    it('ends an open one when the customer was touched some other way (mail, import), and honours skipped', async () => {
      const t = testDb();
      const { admin, ids } = await world(t);
      await run(t);
      // A touch that did not come through interaction.log (as mail ingestion writes them).
      await t.store.transaction(async (repos) => {
        const id = crypto.randomUUID();
        await repos.timelineItems.insert(admin.orgId, {
          id,
          customerId: ids.dueToday,
          kind: 'email',
          occurredAt: instantAt(today, ZONE, 6).toISOString(),
          authorUserId: null,
          contactIds: [],
          summary: 'Re: 报价',
          sourceRef: 'gmail:18f3',
          private: false,
        });
        await repos.changeLog.append(admin.orgId, 'timelineItem', id, 'upsert');
      });
      const visit = (await storedFollowUps(t)).find((r) => r.customer_id === ids.visitDue)!;
      await (await admin.api()).sync.push({ mutations: [fu.complete(visit.id, 'skipped', { completedAt: now.toISOString() })] });
      await run(t);
      const rows = await storedFollowUps(t);
      expect(rows.find((r) => r.customer_id === ids.dueToday)).toMatchObject({ status: 'done', closed_by: 'touch' });
      // Skipped today: not made again until a whole period (90 days for class B) has passed.
      expect(rows.filter((r) => r.customer_id === ids.visitDue)).toHaveLength(1);
      await run(t, instantAt(addDays(today, 90), ZONE, 8));
      const visits = (await storedFollowUps(t)).filter((r) => r.customer_id === ids.visitDue && r.purpose === 'cadence_visit');
      expect(visits.map((r) => r.status).sort()).toEqual(['open', 'skipped']);
    });

    it('a meeting still to come is no touch or visit yet: the follow-ups are made, and ended once it is held', async () => {
      const t = testDb();
      const { admin, rep } = await world(t);
      const id = await customerOf(admin, 'A 下周有会', { customerClass: 'A', ownerUserId: rep.userId });
      const api = await admin.api();
      // Last real touch 8 days ago; last visit (a meeting) 61 days ago; A allows 7 and 60.
      const logged = [fu.logTouch(id, 'email', daysAgo(8)), fu.logTouch(id, 'meeting', daysAgo(61))];
      expect(outcomes(await api.sync.push({ mutations: logged }))).toEqual(['applied', 'applied']);
      // A meeting booked for next week, as calendar ingestion writes it (a person cannot log one ahead).
      const meetingAt = instantAt(addDays(today, 7), ZONE, 12);
      const meeting = timelineItem(admin.userId, id, { kind: 'meeting', occurredAt: meetingAt.toISOString(), authorUserId: null, sourceRef: 'gcal:evt-1' });
      await t.store.transaction((repos) => repos.timelineItems.insert(admin.orgId, meeting));
      await run(t);
      const made = (await storedFollowUps(t)).filter((r) => r.customer_id === id);
      expect(made.map((r) => [r.purpose, r.status, r.dedupe_key]).sort()).toEqual([
        ['cadence_touch', 'open', `cadence:touch:${id}:${addDays(today, -8)}`],
        ['cadence_visit', 'open', `cadence:visit:${id}:${addDays(today, -61)}`],
      ]);
      // Two hours after the meeting it has happened: both end as touched, at the meeting's time.
      await run(t, new Date(meetingAt.getTime() + 2 * 3_600_000));
      const ended = await t.db.query<{ status: string; closed_by: string; completed_at: unknown }>(
        'SELECT status, closed_by, completed_at FROM follow_ups WHERE customer_id = $1',
        [id],
      );
      expect(ended.map((r) => [r.status, r.closed_by, new Date(r.completed_at as string).toISOString()])).toEqual(
        Array(2).fill(['done', 'touch', meetingAt.toISOString()]),
      );
    });

    it('follows the organisation settings: a shorter cadence makes the in-time customer due', async () => {
      const t = testDb();
      const { admin, ids } = await world(t);
      const A = { touchDays: 5, visitDays: 60 };
      await (await admin.api()).sync.push({
        mutations: [fu.settings({ cadences: { A, B: { touchDays: 7, visitDays: 90 }, C: { touchDays: 14, visitDays: 120 } } })],
      });
      await run(t);
      const purposes = (await storedFollowUps(t)).filter((r) => r.customer_id === ids.touchedInTime).map((r) => r.purpose);
      expect(purposes).toEqual(['cadence_touch']);
    });
  });
});

import { describe, expect, it } from 'vitest';
import { customerCareJob } from '../../server/jobs/customer-care';
import { signedInAdmin } from './support/actors';
import { databaseKinds, kindLabel, useTestDatabase, type TestDatabase } from './support/databases';
import { customerOf, followUpLogEntries, fu, storedFollowUps } from './support/follow-ups';
import { m, outcomes } from './support/mutations';
import { pullAll, rowsOf } from './support/pull';

const run = (t: TestDatabase, at: string) => customerCareJob.run({ services: t.services, now: new Date(at), signal: new AbortController().signal });

async function world(t: TestDatabase) {
  const admin = await signedInAdmin(t.services);
  const owned = { ownerUserId: admin.userId };
  const a = await customerOf(admin, '宝钢股份', { customerClass: 'A', ...owned });
  const c = await customerOf(admin, 'C 类客户', { customerClass: 'C', ...owned });
  const birthdayIn = m.createContact(a, '王芳', [], { birthday: '1985-02-05' });
  const birthdayLater = m.createContact(a, '李明', [], { birthday: '03-01' });
  const classC = m.createContact(c, '赵磊', [], { birthday: '02-05' });
  const api = await admin.api();
  const pushed = await api.sync.push({
    mutations: [
      birthdayIn,
      birthdayLater,
      classC,
      fu.settings({
        care: {
          classes: ['A', 'B'],
          birthdays: true,
          holidays: ['spring_festival', 'mid_autumn', 'dragon_boat', 'new_year'],
          orgDates: [{ id: 'lantern', name: '元宵节', calendar: 'lunar', month: 1, day: 15 }],
          leadDays: 3,
        },
      }),
    ],
  });
  expect(outcomes(pushed)).toEqual(['applied', 'applied', 'applied', 'applied']);
  return { admin, a, birthdayIn: birthdayIn.payload.id };
}

describe.each(databaseKinds)('customer care job on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind);

    it('three days before Spring Festival 2027 (02-06): a holiday follow-up per care customer, a birthday one per contact', async () => {
      const t = testDb();
      const { admin, a, birthdayIn } = await world(t);
      // 2027-02-03 08:00 in Shanghai: Spring Festival is in 3 days, 王芳's birthday in 2.
      await run(t, '2027-02-03T00:00:00Z');
      const rows = rowsOf((await pullAll(await admin.api())).changes, 'followUp');
      expect(rows.map((r) => [r.purpose, r.customerId, r.contactId, r.occasion]).sort()).toEqual(
        [
          ['care_birthday', a, birthdayIn, { kind: 'birthday', name: null, date: '2027-02-05' }],
          ['care_holiday', a, null, { kind: 'spring_festival', name: null, date: '2027-02-06' }],
        ].sort(),
      );
      const holiday = rows.find((r) => r.purpose === 'care_holiday')!;
      // Due lead days (3) before the day, at 09:00 in the organisation's zone.
      expect(holiday).toMatchObject({ dueAt: '2027-02-03T01:00:00.000Z', source: 'care', ownerUserId: admin.userId, reason: '' });
      expect(rows.find((r) => r.purpose === 'care_birthday')!.dueAt).toBe('2027-02-02T01:00:00.000Z');
    });

    it('is idempotent when run twice and concurrently', async () => {
      const t = testDb();
      await world(t);
      await run(t, '2027-02-03T00:00:00Z');
      const once = await storedFollowUps(t);
      const logged = await followUpLogEntries(t);
      await run(t, '2027-02-04T00:00:00Z');
      await Promise.all([run(t, '2027-02-05T00:00:00Z'), run(t, '2027-02-05T00:00:00Z'), run(t, '2027-02-05T00:00:00Z')]);
      expect(await storedFollowUps(t)).toEqual(once);
      expect(await followUpLogEntries(t)).toBe(logged);
    });

    it('an organisation date on the lunar calendar and New Year come in their own windows; nothing outside', async () => {
      const t = testDb();
      await world(t);
      await run(t, '2027-01-10T00:00:00Z');
      expect(await storedFollowUps(t)).toEqual([]);
      await run(t, '2027-02-18T00:00:00Z'); // 元宵节 (1/15) is 2027-02-20
      await run(t, '2026-12-30T00:00:00Z');
      const keys = (await storedFollowUps(t)).map((r) => r.dedupe_key!.replace(/:[0-9a-f-]{36}:/, ':<customer>:'));
      expect(keys.sort()).toEqual(['care:new_year:<customer>:2027-01-01', 'care:org_date:lantern:<customer>:2027-02-20']);
    });

    it('makes nothing when the organisation chose no care classes', async () => {
      const t = testDb();
      const { admin } = await world(t);
      const settings = await t.store.repos.orgSettings.effective(admin.orgId);
      await (await admin.api()).sync.push({ mutations: [fu.settings({ care: { ...settings.care, classes: [] } })] });
      await run(t, '2027-02-03T00:00:00Z');
      expect(await storedFollowUps(t)).toEqual([]);
    });
  });
});

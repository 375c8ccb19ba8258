import { describe, expect, it } from 'vitest';
import { DEFAULT_ORG_SETTINGS } from '../../shared/schemas/org-settings';
import { followUpSchema } from '../../shared/schemas/follow-up';
import { serviceItemSchema } from '../../shared/schemas/service-item';
import { visitSchema } from '../../shared/schemas/visit';
import { migrate } from '../../server/storage/migrate';
import { signedInAdmin, signIn, type Actor } from './support/actors';
import { legacyCustomer, legacyOrg } from './support/legacy-seed';
import { databaseKinds, kindLabel, useTestDatabase, type TestDatabase } from './support/databases';
import { newId } from './support/ids';
import { m } from './support/mutations';
import { pullAll, rowsOf } from './support/pull';
import { followUp, serviceItem, visit } from './support/records';

async function customerOf(t: TestDatabase, admin: Actor): Promise<string> {
  const create = m.createCustomer('宝钢股份');
  await (await admin.api()).sync.push({ mutations: [create] });
  return create.payload.id;
}

describe.each(databaseKinds)('issue 4 record tables on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind);

    it('follow-ups, service items, visits and settings reach the pull as the contract says, Chinese text intact', async () => {
      const t = testDb();
      const admin = await signedInAdmin(t.services);
      const customerId = await customerOf(t, admin);
      const rows = {
        followUp: followUp(admin, customerId, { replyWatch: { threadRef: 'gmail:18f3a2b4c5d6e7f1', afterMessageId: 'ab12' } }),
        serviceItem: serviceItem(admin, customerId),
        visit: visit(admin, customerId),
      };
      await t.store.transaction(async (repos) => {
        await repos.followUps.insert(admin.orgId, rows.followUp);
        await repos.serviceItems.insert(admin.orgId, rows.serviceItem);
        await repos.visits.insert(admin.orgId, rows.visit);
        await repos.orgSettings.applyPatch(admin.orgId, { sla: { firstReplyHours: 8, urgentFirstReplyHours: 1 } });
        await repos.changeLog.append(admin.orgId, 'followUp', rows.followUp.id, 'upsert');
        await repos.changeLog.append(admin.orgId, 'serviceItem', rows.serviceItem.id, 'upsert');
        await repos.changeLog.append(admin.orgId, 'visit', rows.visit.id, 'upsert');
        await repos.changeLog.append(admin.orgId, 'orgSettings', admin.orgId, 'upsert');
      });

      const { changes } = await pullAll(await admin.api());
      const [pulledFollowUp] = rowsOf(changes, 'followUp');
      expect(followUpSchema.parse(pulledFollowUp)).toMatchObject({ ...rows.followUp, version: 1 });
      expect(serviceItemSchema.parse(rowsOf(changes, 'serviceItem')[0])).toMatchObject({ ...rows.serviceItem, version: 1 });
      expect(visitSchema.parse(rowsOf(changes, 'visit')[0])).toMatchObject({ ...rows.visit, version: 1 });
      expect(rowsOf(changes, 'orgSettings')[0]).toMatchObject({
        ...DEFAULT_ORG_SETTINGS,
        sla: { firstReplyHours: 8, urgentFirstReplyHours: 1 },
        id: admin.orgId,
      });
    });

    it('a rule-made follow-up is created once per dedupe key, even when two writers race', async () => {
      const t = testDb();
      const admin = await signedInAdmin(t.services);
      const customerId = await customerOf(t, admin);
      const make = () =>
        t.store.transaction((repos) =>
          repos.followUps.insertRuleMade(
            admin.orgId,
            followUp(admin, customerId, { purpose: 'cadence_touch', source: 'cadence', createdByUserId: null }),
            `cadence_touch:${customerId}:2026-12-01`,
          ),
        );
      const outcomes = await Promise.all([make(), make(), make()]);
      expect(outcomes.filter(Boolean)).toHaveLength(1);
      const [count] = await t.db.query<{ n: unknown }>('SELECT count(*) AS n FROM follow_ups');
      expect(Number(count!.n)).toBe(1);
    });

    it('deleting a customer sends tombstones for its follow-ups, service items and visits', async () => {
      const t = testDb();
      const admin = await signedInAdmin(t.services);
      const customerId = await customerOf(t, admin);
      const ids = { f: followUp(admin, customerId), s: serviceItem(admin, customerId), v: visit(admin, customerId) };
      await t.store.transaction(async (repos) => {
        await repos.followUps.insert(admin.orgId, ids.f);
        await repos.serviceItems.insert(admin.orgId, ids.s);
        await repos.visits.insert(admin.orgId, ids.v);
      });
      const api = await admin.api();
      const { cursor } = await pullAll(api);
      await api.sync.push({ mutations: [m.deleteCustomer(customerId)] });
      const { changes } = await pullAll(api, cursor);
      expect(changes).toEqual(
        expect.arrayContaining([
          { entity: 'customer', op: 'delete', id: customerId },
          { entity: 'followUp', op: 'delete', id: ids.f.id },
          { entity: 'serviceItem', op: 'delete', id: ids.s.id },
          { entity: 'visit', op: 'delete', id: ids.v.id },
        ]),
      );
    });

    it('settings read as the defaults until an admin changes them, and a patch keeps the other groups', async () => {
      const t = testDb();
      const admin = await signedInAdmin(t.services);
      expect(await t.store.repos.orgSettings.find(admin.orgId)).toBeNull();
      expect(await t.store.repos.orgSettings.effective(admin.orgId)).toEqual(DEFAULT_ORG_SETTINGS);
      await t.store.repos.orgSettings.applyPatch(admin.orgId, { timeZone: 'Europe/Berlin' });
      await t.store.repos.orgSettings.applyPatch(admin.orgId, { reminderHour: 8 });
      const row = await t.store.repos.orgSettings.find(admin.orgId);
      expect(row).toMatchObject({ timeZone: 'Europe/Berlin', reminderHour: 8, cadences: DEFAULT_ORG_SETTINGS.cadences, version: 2 });
    });
  });
});

describe.each(databaseKinds)('migration 0005 (follow-ups, service, visits) on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind, { migrated: false });

    it('upgrades 0004 → 0005: existing customers stay and the change log accepts the new entities', async () => {
      const { db, services, store } = testDb();
      expect(await migrate(db, { upTo: 4 })).toEqual([1, 2, 3, 4]);
      const before = await legacyOrg(db, 'Before 0005', 'a@old.example');
      const customerId = await legacyCustomer(db, before.orgId, 'Old Co', before.userId);

      expect(await migrate(db, { upTo: 5 })).toEqual([5]);
      // Today's services read later migrations' columns too: bring the schema up to date first.
      await migrate(db);
      const admin = await signIn(services, before.email, before.code);
      const row = followUp(admin, customerId);
      await store.transaction(async (repos) => {
        await repos.followUps.insert(admin.orgId, row);
        await repos.changeLog.append(admin.orgId, 'followUp', row.id, 'upsert');
      });
      const { changes } = await pullAll(await admin.api());
      expect(rowsOf(changes, 'customer').map((c) => c.name)).toEqual(['Old Co']);
      expect(rowsOf(changes, 'followUp').map((f) => f.id)).toEqual([row.id]);
    });
  });
});

import { describe, expect, it } from 'vitest';
import { migrate } from '../../server/storage/migrate';
import { invitedUser, signedInAdmin, signIn } from './support/actors';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';
import { legacyCustomer, legacyNote, legacyOrg } from './support/legacy-seed';
import { newId } from './support/ids';
import { fu } from './support/follow-ups';
import { m, outcomes } from './support/mutations';
import { customerWithContact, sv } from './support/service-visits';

describe.each(databaseKinds)('audit trail on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind);

    it('records who changed what, when and from which device, in the transaction of the change', async () => {
      const { services } = testDb();
      const admin = await signedInAdmin(services);
      const rep = await invitedUser(services, admin, 'rep@a.example');
      const create = m.createCustomer('宝钢', { customerClass: 'B' });
      const note = m.createNote(create.payload.id, 'secret pricing');
      note.payload = { ...note.payload, private: true } as typeof note.payload;
      expect(outcomes(await (await rep.api()).sync.push({ mutations: [create, note, m.updateCustomer(create.payload.id, { customerClass: 'A' })] }))).toEqual([
        'applied',
        'applied',
        'applied',
      ]);
      // Refused: nothing changed, so nothing to record.
      expect(outcomes(await (await rep.api()).sync.push({ mutations: [m.updateCustomer(newId(), { name: 'x' })] }))).toEqual(['not_found']);

      const { events } = await (await admin.api()).audit.list({ limit: 100 });
      const byAction = (action: string) => events.filter((e) => e.action === action);
      const update = byAction('customer.update');
      expect(update).toEqual([
        expect.objectContaining({
          userId: rep.userId,
          userName: 'rep',
          device: 'test',
          entity: 'customers',
          entityId: create.payload.id,
          op: 'update',
          changes: { customer_class: ['B', 'A'] },
        }),
      ]);
      expect(update[0]!.sessionId).toEqual(expect.any(String));
      expect(byAction('customer.create')[0]!.changes).toMatchObject({ name: [null, '宝钢'], owner_user_id: [null, rep.userId] });
      // A note's text never enters the trail (a private one must not reach admins this way).
      expect(byAction('note.create')[0]!.changes).toMatchObject({ summary: ['(hidden)', '(hidden)'], private: [null, true] });
      expect(JSON.stringify(events)).not.toContain('secret pricing');
      // Sign-ins are events too, with the device and without the token.
      const signIns = byAction('auth.signIn');
      expect(signIns.map((e) => e.entity)).toEqual(['auth_tokens', 'auth_tokens']);
      expect(signIns[0]!.changes).toMatchObject({ token_hash: ['(hidden)', '(hidden)'], device_name: [null, 'test'] });
      expect(byAction('users.invite')[0]).toMatchObject({ userId: admin.userId, entity: 'users', changes: { role: [null, 'sales_rep'] } });
      expect(events.every((e) => e.action !== 'customer.update' || e.entityId === create.payload.id)).toBe(true);
    });

    it("issue 4's changes name their person and kind, and so do the rows their rules make", async () => {
      const { services } = testDb();
      const admin = await signedInAdmin(services);
      const rep = await invitedUser(services, admin, 'rep@a.example');
      const { customerId, contactId } = await customerWithContact(rep);
      const ago = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
      const followUp = fu.create(customerId, rep.userId);
      const complaint = sv.create(customerId, rep.userId, { receivedAt: ago(3) });
      const visit = sv.plan(customerId, rep.userId, [contactId], { plannedAt: ago(4) });
      const report = sv.report(visit.payload.id, { heldAt: ago(3), reportedAt: ago(0) });
      const pushed = [followUp, fu.logTouch(customerId, 'call', ago(1)), complaint, sv.firstReply(complaint.payload.id, ago(2)), visit, report];
      expect(outcomes(await (await rep.api()).sync.push({ mutations: pushed }))).toEqual(pushed.map(() => 'applied'));
      expect(outcomes(await (await admin.api()).sync.push({ mutations: [fu.settings({ timeZone: 'Asia/Shanghai' })] }))).toEqual(['applied']);

      const { events } = await (await admin.api()).audit.list({ limit: 100 });
      const tables = (action: string) => [...new Set(events.filter((e) => e.action === action).map((e) => `${e.entity} ${e.userId === rep.userId ? 'rep' : e.userId}`))].sort();
      expect(tables('followUp.create')).toEqual(['follow_ups rep']);
      expect(tables('interaction.log')).toEqual(['timeline_items rep']);
      expect(tables('service.create')).toEqual(['service_items rep']);
      expect(tables('service.firstReply')).toEqual(['service_items rep']);
      expect(tables('visit.plan')).toEqual(['visits rep']);
      // The report also writes the visit on the timeline, the customer's newest need and the
      // thank-you and proposal follow-ups: all the rep's doing.
      expect(tables('visit.report')).toEqual(['customers rep', 'follow_ups rep', 'timeline_items rep', 'visits rep']);
      expect(tables('orgSettings.update')).toEqual([`org_settings ${admin.userId}`]);
      expect(events.filter((e) => e.action === 'visit.report').every((e) => e.device === 'test' && e.sessionId !== null)).toBe(true);
    });

    it('is for admins only, per organisation, newest first in pages, and one record or person at a time', async () => {
      const { services } = testDb();
      const admin = await signedInAdmin(services);
      const rep = await invitedUser(services, admin, 'rep@a.example');
      const other = await signedInAdmin(services, 'Org B', 'b@b.example');
      const creates = [m.createCustomer('One'), m.createCustomer('Two'), m.createCustomer('Three')];
      await (await rep.api()).sync.push({ mutations: creates });
      await expect((await rep.api()).audit.list({ limit: 10 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect(JSON.stringify(await (await other.api()).audit.list({ limit: 500 }))).not.toContain(creates[0]!.payload.id);

      const api = await admin.api();
      const first = await api.audit.list({ limit: 2, userId: rep.userId });
      const second = await api.audit.list({ limit: 2, userId: rep.userId, cursor: first.nextCursor });
      const names = [...first.events, ...second.events].filter((e) => e.entity === 'customers').map((e) => e.changes.name?.[1]);
      expect(names).toEqual(['Three', 'Two', 'One']);
      expect(Number(first.events[0]!.id)).toBeGreaterThan(Number(second.events[0]!.id));
      const one = await api.audit.list({ limit: 10, entityId: creates[1]!.payload.id });
      expect(one.events.map((e) => e.entityId)).toEqual([creates[1]!.payload.id]);
    });

    it('cannot be changed or removed, not even by SQL from the application', async () => {
      const { services, db } = testDb();
      await signedInAdmin(services);
      await expect(db.query("UPDATE audit_events SET action = 'forged'")).rejects.toThrow(/append-only/);
      await expect(db.query('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
      const [row] = await db.query<{ n: unknown }>("SELECT count(*) AS n FROM audit_events WHERE action = 'forged'");
      expect(Number(row!.n)).toBe(0);
    });
  });
});

describe.each(databaseKinds)('migration 0007 (trust) on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind, { migrated: false });

    it('upgrades 0006 → 0007: records stay, nobody loses their own customers, and old cursors start over', async () => {
      const { db, services } = testDb();
      expect(await migrate(db, { upTo: 6 })).toEqual([1, 2, 3, 4, 5, 6]);
      const before = await legacyOrg(db, 'Before 0007', 'a@old.example');
      const customerId = await legacyCustomer(db, before.orgId, 'Old Co', before.userId);
      await legacyNote(db, before.orgId, customerId, before.userId, '旧备注');

      expect(await migrate(db, { upTo: 7 })).toEqual([7]);
      // Today's services read later migrations' columns too: bring the schema up to date first.
      await migrate(db);
      const admin = await signIn(services, before.email, before.code);
      const api = await admin.api();
      expect(await api.customers.get({ id: customerId })).toMatchObject({ name: 'Old Co', departmentId: null, sharedWith: [] });
      const oldCursor = Buffer.from(JSON.stringify({ v: 1, org: before.orgId, seq: 1 })).toString('base64url');
      expect(await api.sync.pull({ cursor: oldCursor, limit: 10 })).toEqual({ resetRequired: true });
      const page = await api.sync.pull({ cursor: null, limit: 100 });
      expect(page.resetRequired ? [] : page.changes.map((c) => c.entity).sort()).toEqual(['customer', 'timelineItem']);
      const [note] = await db.query<{ private: boolean }>('SELECT private FROM timeline_items');
      expect(note!.private).toBe(false);
      // The next cursor is of the new kind and keeps working.
      if (page.resetRequired) throw new Error('unexpected reset');
      expect(await api.sync.pull({ cursor: page.nextCursor, limit: 10 })).toMatchObject({ resetRequired: false, changes: [] });
    });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerAccess, type AccessViewer } from '../../shared/domain/access';
import { customerCreateSchema } from '../../shared/schemas/customer';
import { roleSchema } from '../../shared/schemas/member';
import type { PulledChange } from '../../shared/schemas/sync';
import type { Actor } from './support/actors';
import { databaseKinds, kindLabel, useTestDatabase, type TestDatabase } from './support/databases';
import { newId } from './support/ids';
import { m, outcomes } from './support/mutations';
import { orgWorld, type OrgWorld } from './support/org-world';
import { pullAll, rowsOf } from './support/pull';
import { arrange, SECRET, TAX, type Arranged } from './support/arrange';
import { timelineItem } from './support/records';

const CUSTOMER_SCOPED = new Set(['customer', 'contact', 'timelineItem', 'followUp', 'serviceItem', 'visit']);

/** What a fresh pull gives one person: the customer-scoped record ids by name, and each customer as received. */
async function scopeOf(actor: Actor, a: Arranged) {
  const { changes } = await pullAll(await actor.api());
  const names = new Map(Object.entries({ ...a.ids, east: a.east, west: a.west }).map(([k, v]) => [v, k]));
  const ids = changes.flatMap((c) => (c.op === 'upsert' && CUSTOMER_SCOPED.has(c.entity) ? [names.get(c.row.id) ?? c.row.id] : []));
  const customers = Object.fromEntries(rowsOf(changes, 'customer').map((c) => [c.name, { taxNumber: c.taxNumber, bank: c.sensitive.bank }]));
  return { records: ids.sort(), customers, tombstones: changes.filter((c) => c.op === 'delete').length, changes };
}

const ALL_EAST = ['call', 'contact', 'east', 'followUp', 'meeting', 'note', 'serviceItem', 'visit'];

describe.each(databaseKinds)('who sees what on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind);

    it('reps see their own and shared customers, managers their department, support leads the service history, admins all', async () => {
      const t = testDb();
      const w = await orgWorld(t.services);
      const a = await arrange(t, w);
      const full = { taxNumber: TAX, bank: SECRET.bank };
      const redacted = { taxNumber: null, bank: null };
      const expected: Record<Exclude<keyof OrgWorld, 'departments'>, { records: string[]; customers: object }> = {
        admin: { records: [...ALL_EAST, 'west', 'westNote'].sort(), customers: { 'East Co': full, 'West Co': { taxNumber: '91440000WEST00000X', bank: null } } },
        eastRep: { records: [...ALL_EAST, 'privateNote'].sort(), customers: { 'East Co': full } },
        eastManager: { records: ALL_EAST, customers: { 'East Co': full } },
        eastRep2: { records: ['west', 'westNote'], customers: { 'West Co': redacted } },
        westRep: { records: ['west', 'westNote'], customers: { 'West Co': { taxNumber: '91440000WEST00000X', bank: null } } },
        accountManager: { records: [], customers: {} },
        // Service history: the customer without sensitive fields, contacts, service-kind items,
        // follow-ups and service items; not notes, meetings or visits.
        supportLead: {
          records: ['call', 'contact', 'east', 'followUp', 'serviceItem', 'west'],
          customers: { 'East Co': redacted, 'West Co': redacted },
        },
      };
      for (const [name, want] of Object.entries(expected)) {
        const seen = await scopeOf(w[name as keyof typeof expected], a);
        expect({ name, records: seen.records, customers: seen.customers }).toEqual({ name, ...want });
        // A download from nothing carries no tombstones, nor a word of anyone's private note.
        expect(seen.tombstones).toBe(0);
        if (name !== 'eastRep') expect(JSON.stringify(seen.changes)).not.toContain(a.ids.privateNote);
      }
    });

    it('the API reads follow the same rule: a hidden customer is "not found", lists hold only what one may see', async () => {
      const t = testDb();
      const w = await orgWorld(t.services);
      const a = await arrange(t, w);
      const missing = await (await w.westRep.api()).customers.get({ id: newId() }).catch((e: unknown) => e);
      const hidden = await (await w.westRep.api()).customers.get({ id: a.east }).catch((e: unknown) => e);
      expect(hidden).toMatchObject({ code: 'NOT_FOUND', message: (missing as Error).message });
      expect(await (await w.eastRep2.api()).customers.get({ id: a.west })).toMatchObject({ taxNumber: null, sensitive: { bank: null } });
      const names = async (actor: Actor) => (await (await actor.api()).customers.list({ limit: 100 })).items.map((c) => c.name).sort();
      expect(await names(w.admin)).toEqual(['East Co', 'West Co']);
      expect(await names(w.eastManager)).toEqual(['East Co']);
      expect(await names(w.eastRep2)).toEqual(['West Co']);
      expect(await names(w.accountManager)).toEqual([]);
      expect(await names(w.supportLead)).toEqual(['East Co', 'West Co']);
    });

    it('a reassignment moves the customer and all its records at once: the old owner gets tombstones, the new one the rows', async () => {
      const t = testDb();
      const w = await orgWorld(t.services);
      const a = await arrange(t, w);
      const before = { old: (await pullAll(await w.eastRep.api())).cursor, next: (await pullAll(await w.westRep.api())).cursor };
      // The admin gives East Co to the West rep: the department follows the new owner.
      expect(outcomes(await (await w.admin.api()).sync.push({ mutations: [m.updateCustomer(a.east, { ownerUserId: w.westRep.userId })] }))).toEqual([
        'applied',
      ]);
      const old = await pullAll(await w.eastRep.api(), before.old);
      const gone = old.changes.filter((c) => c.op === 'delete').map((c) => (c as { id: string }).id);
      expect(old.changes.every((c) => c.op === 'delete')).toBe(true);
      expect(gone.sort()).toEqual([a.east, ...Object.entries(a.ids).filter(([k]) => !['westNote', 'customField'].includes(k)).map(([, id]) => id)].sort());
      const next = await pullAll(await w.westRep.api(), before.next);
      const received = next.changes.filter((c) => c.op === 'upsert').map((c) => (c as { row: { id: string } }).row.id);
      expect(received.sort()).toEqual([a.east, ...Object.entries(a.ids).filter(([k]) => !['westNote', 'privateNote', 'customField'].includes(k)).map(([, id]) => id)].sort());
      expect(rowsOf(next.changes, 'customer')[0]).toMatchObject({ ownerUserId: w.westRep.userId, departmentId: w.departments.west, taxNumber: TAX });
      // The East manager lost it with the department; the West... account manager is no manager.
      expect((await scopeOf(w.eastManager, a)).records).toEqual([]);
    });

    it('sharing and unsharing reach the colleague as rows and then tombstones', async () => {
      const t = testDb();
      const w = await orgWorld(t.services);
      const a = await arrange(t, w);
      const api = await w.accountManager.api();
      const start = (await pullAll(api)).cursor;
      const share = await (await w.eastRep.api()).sync.push({ mutations: [m.updateCustomer(a.east, { sharedWith: [w.accountManager.userId] })] });
      expect(outcomes(share)).toEqual(['applied']);
      const shared = await pullAll(api, start);
      expect(rowsOf(shared.changes, 'customer')).toEqual([expect.objectContaining({ name: 'East Co', taxNumber: null, sensitive: expect.objectContaining({ bank: null }) })]);
      expect(rowsOf(shared.changes, 'timelineItem').map((i) => i.id).sort()).toEqual([a.ids.call, a.ids.meeting, a.ids.note].sort());
      await (await w.eastRep.api()).sync.push({ mutations: [m.updateCustomer(a.east, { sharedWith: [] })] });
      const unshared = await pullAll(api, shared.cursor);
      expect(unshared.changes.filter((c) => c.op === 'upsert')).toEqual([]);
      expect(unshared.changes.map((c) => (c as { id: string }).id)).toEqual(expect.arrayContaining([a.east, a.ids.contact, a.ids.note, a.ids.visit]));
    });

    it("a role or department change makes the user's replicas start over with what they may now see", async () => {
      const t = testDb();
      const w = await orgWorld(t.services);
      const a = await arrange(t, w);
      const { cursor } = await pullAll(await w.westRep.api());
      await (await w.admin.api()).users.update({ id: w.westRep.userId, role: 'manager', departmentId: w.departments.east });
      expect(await (await w.westRep.api()).sync.pull({ cursor, limit: 100 })).toEqual({ resetRequired: true });
      // Now the East manager too (West Co stays: they own it).
      expect((await scopeOf(w.westRep, a)).records).toEqual([...ALL_EAST, 'west', 'westNote'].sort());
      // A new display name changes nothing anyone sees: the cursor stays good.
      const again = (await pullAll(await w.westRep.api())).cursor;
      await (await w.admin.api()).users.update({ id: w.westRep.userId, displayName: '王芳' });
      expect((await (await w.westRep.api()).sync.pull({ cursor: again, limit: 100 })).resetRequired).toBe(false);
    });

    it('deactivation ends every session at once, and reactivation does not bring old sessions back', async () => {
      const t = testDb();
      const w = await orgWorld(t.services);
      const api = await w.admin.api();
      await api.users.setActive({ id: w.eastRep.userId, active: false });
      await expect((await w.eastRep.api()).auth.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      await api.users.setActive({ id: w.eastRep.userId, active: true });
      await expect((await w.eastRep.api()).sync.pull({ cursor: null, limit: 1 })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      const listed = (await api.users.list()).find((u) => u.id === w.eastRep.userId);
      expect(listed).toMatchObject({ active: true, activeSessions: 0 });
      // The last admin cannot be deactivated or demoted, and nobody deactivates themselves.
      await expect(api.users.setActive({ id: w.admin.userId, active: false })).rejects.toMatchObject({ code: 'CONFLICT' });
      await expect(api.users.update({ id: w.admin.userId, role: 'manager' })).rejects.toMatchObject({ code: 'CONFLICT' });
    });

    it('writes follow the rule: hidden is "not found" like a missing id; seen but not allowed is "forbidden"', async () => {
      const t = testDb();
      const w = await orgWorld(t.services);
      const a = await arrange(t, w);
      const push = async (actor: Actor, mutation: Parameters<Awaited<ReturnType<Actor['api']>>['sync']['push']>[0]['mutations'][number]) =>
        (await (await actor.api()).sync.push({ mutations: [mutation] })).results[0]!;
      const ghost = newId();
      for (const [make, label] of [
        [(id: string) => m.updateCustomer(id, { name: 'x' }), 'update'],
        [(id: string) => m.deleteCustomer(id), 'delete'],
        [(id: string) => m.createContact(id, 'x', []), 'contact'],
        [(id: string) => m.createNote(id, 'x'), 'note'],
        [(id: string) => m.setMatchChoice('buyer@east.example', id), 'match choice'],
      ] as const) {
        const hidden = await push(w.westRep, make(a.east));
        const missing = await push(w.westRep, make(ghost));
        expect({ label, ...hidden, mutationId: '' }).toEqual({ label, ...missing, mutationId: '' });
        expect(hidden).toMatchObject({ status: 'rejected', code: 'not_found' });
      }
      // A contact of a hidden customer does not exist either.
      expect(await push(w.westRep, m.updateContact(a.ids.contact, { title: 'x' }))).toMatchObject({ code: 'not_found', reason: 'This contact does not exist.' });
      // Shared: ordinary fields yes; sensitive fields, reassignment, sharing and deletion no.
      expect(await push(w.eastRep2, m.updateCustomer(a.west, { customerClass: 'A' }))).toMatchObject({ status: 'applied' });
      for (const patch of [{ taxNumber: '1' }, { sensitive: { bank: 'x' } }, { ownerUserId: w.eastRep2.userId }, { sharedWith: [] }]) {
        expect(await push(w.eastRep2, m.updateCustomer(a.west, patch))).toMatchObject({ code: 'forbidden' });
      }
      expect(await push(w.eastRep2, m.deleteCustomer(a.west))).toMatchObject({ code: 'forbidden' });
      // Support leads log service work but do not edit the file; a rep cannot give customers away.
      expect(await push(w.supportLead, m.createNote(a.east, 'called back'))).toMatchObject({ status: 'applied' });
      expect(await push(w.supportLead, m.updateCustomer(a.east, { customerClass: 'C' }))).toMatchObject({ code: 'forbidden' });
      expect(await push(w.eastRep, m.updateCustomer(a.east, { ownerUserId: w.eastRep2.userId }))).toMatchObject({ code: 'forbidden' });
      expect(await push(w.eastRep, m.createCustomer('Theirs', { ownerUserId: w.eastRep2.userId }))).toMatchObject({ code: 'forbidden' });
      // A manager reassigns within the department only.
      expect(await push(w.eastManager, m.updateCustomer(a.east, { ownerUserId: w.westRep.userId }))).toMatchObject({ code: 'forbidden' });
      expect(await push(w.eastManager, m.updateCustomer(a.east, { ownerUserId: w.eastRep2.userId }))).toMatchObject({ status: 'applied' });
    });

    it('hands over every customer of a leaving rep in one go, within the rules', async () => {
      const t = testDb();
      const w = await orgWorld(t.services);
      const a = await arrange(t, w);
      await expect((await w.eastRep.api()).customers.handOver({ fromUserId: w.eastRep.userId, toUserId: w.eastRep2.userId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect((await w.eastManager.api()).customers.handOver({ fromUserId: w.eastRep.userId, toUserId: w.westRep.userId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect(await (await w.eastManager.api()).customers.handOver({ fromUserId: w.eastRep.userId, toUserId: w.eastRep2.userId })).toEqual({ customers: 1 });
      expect((await scopeOf(w.eastRep2, a)).records).toEqual(expect.arrayContaining(['east', 'note', 'visit', 'west']));
      // Their own private note went with the customer: they no longer see the customer at all.
      expect((await scopeOf(w.eastRep, a)).records).toEqual([]);
    });

    it('the SQL list filter and the shared rule agree on every combination', async () => {
      const t = testDb();
      const w = await orgWorld(t.services);
      const people = [w.admin, w.eastManager, w.eastRep, w.eastRep2, w.westRep, w.accountManager, w.supportLead];
      const departments = [w.departments.east, w.departments.west, null];
      const facts = fc.record({
        ownerUserId: fc.option(fc.constantFrom(...people.map((p) => p.userId)), { nil: null }),
        departmentId: fc.constantFrom(...departments),
        sharedWith: fc.uniqueArray(fc.constantFrom(...people.map((p) => p.userId)), { maxLength: 3 }),
      });
      const viewer = fc.record({
        id: fc.constantFrom(...people.map((p) => p.userId)),
        role: fc.constantFrom(...roleSchema.options),
        departmentId: fc.constantFrom(...departments),
      });
      const created = await t.store.transaction(async (repos) => {
        const rows = fc.sample(facts, { numRuns: 150, seed: 7 });
        for (const [i, f] of rows.entries()) {
          await repos.customers.insert(w.admin.orgId, { ...customerCreateSchema.parse({ id: newId(), name: `c${i}` }), ...f });
        }
        return rows.length;
      });
      expect(created).toBe(150);
      for (const v of fc.sample(viewer, { numRuns: 40, seed: 11 }) as AccessViewer[]) {
        const listed = await t.store.repos.customers.listPage(w.admin.orgId, v, null, 1000);
        const all = await t.store.repos.customers.listPage(w.admin.orgId, { ...v, role: 'admin' }, null, 1000);
        expect(listed.map((c) => c.id)).toEqual(all.filter((c) => customerAccess(v, c) !== 'none').map((c) => c.id));
      }
    });

    it('a customer with thousands of records converges after a reassignment, in log pages', async () => {
      const t = testDb();
      const w = await orgWorld(t.services);
      const a = await arrange(t, w);
      const many = Array.from({ length: 3000 }, (_, i) => timelineItem(w.eastRep.userId, a.east, { kind: 'email', summary: `mail ${i}` }));
      await t.store.transaction(async (repos) => {
        await repos.importData.insertTimelineItems(w.admin.orgId, many);
        await repos.changeLog.appendMany(w.admin.orgId, many.map((i) => ({ entity: 'timelineItem', entityId: i.id, op: 'upsert' as const })));
      });
      const old = (await pullAll(await w.eastRep.api())).cursor;
      await (await w.eastManager.api()).sync.push({ mutations: [m.updateCustomer(a.east, { ownerUserId: w.eastRep2.userId })] });
      const gone = await pullAll(await w.eastRep.api(), old, 500);
      const deleted = new Set(gone.changes.filter((c): c is Extract<PulledChange, { op: 'delete' }> => c.op === 'delete').map((c) => c.id));
      expect(many.every((i) => deleted.has(i.id))).toBe(true);
      expect(gone.changes.some((c) => c.op === 'upsert')).toBe(false);
    });
  });
});


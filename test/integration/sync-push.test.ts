import { describe, expect, it } from 'vitest';
import { invitedUser, signedInAdmin } from './support/actors';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';
import { newId } from './support/ids';
import { countRows, m } from './support/mutations';

describe.each(databaseKinds)('sync.push on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind);

    it('applies a batch once: a replay returns the same results and writes nothing', async () => {
      const { services, db } = testDb();
      const admin = await signedInAdmin(services);
      const api = await admin.api();
      const create = m.createCustomer('上海钢铁有限公司', { emailDomains: ['steel.cn'] });
      const customerId = create.payload.id;
      const batch = [
        create,
        m.createContact(customerId, '张伟', ['Zhang.Wei@Steel.CN', 'zhang.wei@steel.cn']),
        m.createNote(customerId, 'Called about the Q2 order'),
        m.createNote(newId(), 'onto a missing customer'),
      ];
      const first = await api.sync.push({ mutations: batch });
      expect(first.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'rejected']);
      expect(first.results[3]).toMatchObject({ code: 'not_found', reason: expect.stringMatching(/customer/) });
      const before = await countRows(db);

      const replay = await api.sync.push({ mutations: batch });
      expect(replay).toEqual(first);
      expect(await countRows(db)).toEqual(before);

      const contact = await db.query<{ emails: string[] }>('SELECT emails FROM contacts');
      expect(contact[0]!.emails).toEqual(['zhang.wei@steel.cn']);
    });

    it("rejects a mutation id already used by someone else, without showing that user's result", async () => {
      const { services, db } = testDb();
      const admin = await signedInAdmin(services);
      const other = await signedInAdmin(services, 'Org B', 'b@b.example');
      const mutation = m.createCustomer('Acme');
      await (await admin.api()).sync.push({ mutations: [mutation] });
      const before = await countRows(db);
      const stolen = await (await other.api()).sync.push({ mutations: [{ ...mutation, payload: { ...mutation.payload, id: newId() } }] });
      expect(stolen.results[0]).toMatchObject({ status: 'rejected', code: 'conflict' });
      expect(await countRows(db)).toEqual(before);
    });

    it('merges field patches from two users: last writer wins per field, by server order', async () => {
      const { services } = testDb();
      const admin = await signedInAdmin(services);
      const rep = await invitedUser(services, admin, 'rep@a.example');
      const create = m.createCustomer('Acme', { sharedWith: [rep.userId] });
      const id = create.payload.id;
      await (await admin.api()).sync.push({ mutations: [create] });

      // Both edited version 1 while offline; the admin's push reaches the server first.
      await (await admin.api()).sync.push({ mutations: [m.updateCustomer(id, { name: 'Acme Ltd', customerClass: 'A' })] });
      await (await rep.api()).sync.push({ mutations: [m.updateCustomer(id, { customerClass: 'B', tags: ['rep'] })] });

      const customer = await (await admin.api()).customers.get({ id });
      expect(customer).toMatchObject({ name: 'Acme Ltd', customerClass: 'B', tags: ['rep'], version: 3 });
    });

    it('rejects updates naming an owner outside the organisation and changes to a missing customer', async () => {
      const { services } = testDb();
      const admin = await signedInAdmin(services);
      const other = await signedInAdmin(services, 'Org B', 'b@b.example');
      const create = m.createCustomer('Acme');
      const api = await admin.api();
      await api.sync.push({ mutations: [create] });
      const out = await api.sync.push({
        mutations: [
          m.updateCustomer(create.payload.id, { ownerUserId: other.userId }),
          m.updateCustomer(newId(), { name: 'x' }),
          m.createCustomer('Dup', { id: create.payload.id }),
        ],
      });
      expect(out.results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual(['invalid', 'not_found', 'conflict']);
      expect((await api.customers.get({ id: create.payload.id })).version).toBe(1);
    });

    it('soft-deletes a customer with its contacts and notes, each leaving a tombstone', async () => {
      const { services } = testDb();
      const admin = await signedInAdmin(services);
      const api = await admin.api();
      const create = m.createCustomer('Acme');
      const id = create.payload.id;
      const contact = m.createContact(id, 'Ann', ['ann@acme.example']);
      const note = m.createNote(id, 'hello', [contact.payload.id]);
      await api.sync.push({ mutations: [create, contact, note] });
      const { nextCursor } = (await api.sync.pull({ cursor: null, limit: 100 })) as { nextCursor: string };

      const del = await api.sync.push({ mutations: [m.deleteCustomer(id), m.createNote(id, 'too late')] });
      expect(del.results.map((r) => r.status)).toEqual(['applied', 'rejected']);
      const pulled = await api.sync.pull({ cursor: nextCursor, limit: 100 });
      expect(pulled.resetRequired).toBe(false);
      if (pulled.resetRequired) return;
      expect(pulled.changes).toEqual([
        { entity: 'customer', op: 'delete', id },
        { entity: 'contact', op: 'delete', id: contact.payload.id },
        { entity: 'timelineItem', op: 'delete', id: note.payload.id },
      ]);
      await expect(api.customers.get({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('answers a value the database refuses as a stored rejection, so the outbox is not blocked', async () => {
      const { services, db } = testDb();
      const admin = await signedInAdmin(services);
      const api = await admin.api();
      const create = m.createCustomer('Acme');
      // Year 0 passes the ISO check but not PostgreSQL's calendar (SQLSTATE 22008).
      const old = m.createNote(create.payload.id, 'old');
      const yearZero = { ...old, payload: { ...old.payload, occurredAt: '0000-01-01T00:00:00Z' } };
      const after = m.createNote(create.payload.id, 'after');
      const out = await api.sync.push({ mutations: [create, yearZero, after] });
      expect(out.results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual(['applied', 'invalid', 'applied']);
      const replay = await api.sync.push({ mutations: [yearZero] });
      expect(replay.results).toEqual([out.results[1]]);
      expect((await countRows(db)).timeline_items).toBe(1);
    });

    it('refuses NUL characters at the boundary, naming the field', async () => {
      const { services } = testDb();
      const api = await (await signedInAdmin(services)).api();
      await expect(api.sync.push({ mutations: [m.createCustomer('Bad\u0000name')] })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringContaining('mutations.0.payload.name: must not contain NUL characters'),
      });
    });

    it('refuses invalid input with a message naming the field, and writes nothing', async () => {
      const { services, db } = testDb();
      const admin = await signedInAdmin(services);
      const api = await admin.api();
      const before = await countRows(db);
      const good = m.createCustomer('Fine');
      const emptyName = m.createCustomer('   ');
      await expect(api.sync.push({ mutations: [good, emptyName] })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringContaining('mutations.1.payload.name: name is required'),
      });
      const badId = { ...good, payload: { ...good.payload, id: 'not-a-uuid' } };
      await expect(api.sync.push({ mutations: [badId] })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringContaining('mutations.0.payload.id'),
      });
      expect(await countRows(db)).toEqual(before);
    });
  });
});

import { describe, expect, it } from 'vitest';
import { signedInAdmin } from './support/actors';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';
import { countRows, m } from './support/mutations';

describe.each(databaseKinds)('organisation scoping on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind);

    it("never shows or changes another organisation's customers", async () => {
      const { services, db } = testDb();
      const a = await signedInAdmin(services, 'Org A', 'a@a.example');
      const b = await signedInAdmin(services, 'Org B', 'b@b.example');
      const create = m.createCustomer('Secret customer of A');
      const id = create.payload.id;
      await (await a.api()).sync.push({ mutations: [create] });
      const apiB = await b.api();

      await expect(apiB.customers.get({ id })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'customer not found' });
      expect((await apiB.customers.list({ limit: 100 })).items).toEqual([]);
      const pulled = await apiB.sync.pull({ cursor: null, limit: 1000 });
      expect(JSON.stringify(pulled)).not.toContain(id);
      expect(JSON.stringify(pulled)).not.toContain('a@a.example');

      const before = await countRows(db);
      const out = await apiB.sync.push({
        mutations: [m.createNote(id, 'sneaky'), m.createContact(id, 'X', ['x@b.example']), m.updateCustomer(id, { name: 'mine' }), m.deleteCustomer(id)],
      });
      expect(out.results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual([
        'not_found',
        'not_found',
        'not_found',
        'not_found',
      ]);
      // Only the rejections' idempotency records are new.
      expect(await countRows(db)).toEqual({ ...before, applied_mutations: before.applied_mutations! + 4 });
      expect((await (await a.api()).customers.get({ id })).name).toBe('Secret customer of A');
    });

    it("answers resetRequired to a cursor from another organisation", async () => {
      const { services } = testDb();
      const a = await signedInAdmin(services, 'Org A', 'a@a.example');
      const b = await signedInAdmin(services, 'Org B', 'b@b.example');
      const pulledA = await (await a.api()).sync.pull({ cursor: null, limit: 10 });
      if (pulledA.resetRequired) throw new Error('unexpected');
      expect(await (await b.api()).sync.pull({ cursor: pulledA.nextCursor, limit: 10 })).toEqual({ resetRequired: true });
    });

    it('lists customers page by page', async () => {
      const { services } = testDb();
      const a = await signedInAdmin(services);
      const api = await a.api();
      await api.sync.push({ mutations: ['C1', 'C2', 'C3'].map((n) => m.createCustomer(n)) });
      const page1 = await api.customers.list({ limit: 2 });
      expect(page1.items.map((c) => c.name)).toEqual(['C1', 'C2']);
      const page2 = await api.customers.list({ limit: 2, cursor: page1.nextCursor });
      expect(page2).toMatchObject({ items: [{ name: 'C3' }], nextCursor: null });
    });
  });
});

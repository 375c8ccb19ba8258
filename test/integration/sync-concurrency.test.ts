import { describe, expect, it } from 'vitest';
import { signedInAdmin } from './support/actors';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';
import { countRows, m } from './support/mutations';

// The claims in applied-mutations.ts (a mutation id is applied once, even by two connections at
// the same moment) and change-log.ts (seq order is commit order, with no gaps) under real
// concurrency: on PostgreSQL these pushes run on separate pooled connections.
describe.each(databaseKinds)('sync under concurrency on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind);

    it('applies the same batch pushed twice at once exactly once, with the same answers', async () => {
      const { services, db } = testDb();
      const api = await (await signedInAdmin(services)).api();
      const create = m.createCustomer('同时推送有限公司');
      const batch = [create, m.createNote(create.payload.id, 'one'), m.createNote(create.payload.id, 'two')];
      const before = await countRows(db);
      const [a, b] = await Promise.all([api.sync.push({ mutations: batch }), api.sync.push({ mutations: batch })]);
      expect(a).toEqual(b);
      expect(a.results.every((r) => r.status === 'applied')).toBe(true);
      const after = await countRows(db);
      expect(after.customers - before.customers).toBe(1);
      expect(after.timeline_items - before.timeline_items).toBe(2);
      expect(after.change_log - before.change_log).toBe(3);
    });

    it('numbers concurrent writers without gaps, and a pull sees every change once, in order', async () => {
      const { services } = testDb();
      const api = await (await signedInAdmin(services)).api();
      const creates = Array.from({ length: 20 }, (_, i) => m.createCustomer(`Parallel ${i}`));
      await Promise.all(creates.map((c) => api.sync.push({ mutations: [c] })));
      const seen: string[] = [];
      let cursor: string | null = null;
      for (;;) {
        const page = await api.sync.pull({ cursor, limit: 7 });
        if (page.resetRequired) throw new Error('unexpected reset');
        for (const change of page.changes) if (change.op === 'upsert' && change.entity === 'customer') seen.push(change.row.id);
        cursor = page.nextCursor;
        if (!page.hasMore) break;
      }
      expect(seen.sort()).toEqual(creates.map((c) => c.payload.id).sort());
      const seqs = await testDb().db.query<{ seq: unknown }>('SELECT seq FROM change_log ORDER BY seq');
      const numbers = seqs.map((r) => Number(r.seq));
      expect(numbers).toEqual(numbers.map((_, i) => numbers[0]! + i));
    });
  });
});

import { describe, expect, it } from 'vitest';
import { migrate } from '../../server/storage/migrate';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';
import { newId } from './support/ids';

describe.each(databaseKinds)('migration 0012 (timeline page index) on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind, { migrated: false });

    it('upgrades 0010 → 0012: the (customer, time, id) index replaces the old one; existing items page in order', async () => {
      const { db, services } = testDb();
      await migrate(db, { upTo: 10 });
      const created = await services.auth.createOrganisation({ name: 'Before 0012', adminEmail: 'a@old.example' });
      const customerId = newId();
      await db.query(`INSERT INTO customers (id, org_id, name, owner_user_id) VALUES ($1, $2, '老客户', $3)`, [customerId, created.orgId, created.userId]);
      const ids = [newId(), newId(), newId()].sort();
      for (const [i, id] of ids.entries()) {
        // Two items share a time: the id orders them.
        await db.query(
          `INSERT INTO timeline_items (id, org_id, customer_id, kind, occurred_at, author_user_id, summary) VALUES ($1, $2, $3, 'note', $4, $5, $6)`,
          [id, created.orgId, customerId, i === 0 ? '2026-01-01T00:00:00Z' : '2026-02-01T00:00:00Z', created.userId, `note ${i}`],
        );
      }

      expect(await migrate(db, { upTo: 12 })).toEqual([12]);
      const indexes = await db.query<{ indexname: string; indexdef: string }>(
        "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'timeline_items' AND indexdef LIKE '%(customer_id%'",
      );
      expect(indexes.map((i) => i.indexname)).toEqual(['timeline_items_customer_page_idx']);
      expect(indexes[0]!.indexdef).toContain('(customer_id, occurred_at DESC, id DESC)');

      const { token } = await services.auth.signIn({ email: created.email, code: created.code, deviceName: 'test' });
      const user = (await services.auth.authenticate(token))!;
      const first = await services.timeline.page(user, { customerId, limit: 2 });
      const rest = await services.timeline.page(user, { customerId, limit: 2, cursor: first.nextCursor });
      expect([...first.items, ...rest.items].map((i) => i.id)).toEqual([ids[2], ids[1], ids[0]]);
      expect(rest.nextCursor).toBeNull();
    });
  });
});

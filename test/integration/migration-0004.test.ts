import { describe, expect, it } from 'vitest';
import { migrate } from '../../server/storage/migrate';
import { signIn } from './support/actors';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';
import { upload } from './support/imports';
import { legacyCustomer, legacyOrg } from './support/legacy-seed';

describe.each(databaseKinds)('migration 0004 (import plans) on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind, { migrated: false });

    it('upgrades 0003 → 0004: existing customers stay, and an import plans and applies on top of them', async () => {
      const { db, services } = testDb();
      expect(await migrate(db, { upTo: 3 })).toEqual([1, 2, 3]);
      const created = await legacyOrg(db, 'Before 0004', 'a@old.example');
      const oldId = await legacyCustomer(db, created.orgId, 'Old Co');
      await db.query("UPDATE customers SET code = 'OLD-1' WHERE id = $1", [oldId]);

      expect(await migrate(db, { upTo: 4 })).toEqual([4]);
      await migrate(db);
      const admin = await signIn(services, created.email, created.code);
      const api = await admin.api();
      const plan = await api.imports.plan(upload('Code,Name,Class\nOLD-1,Old Co,A\nNEW-1,New Co,B\n'));
      expect(plan.counts).toMatchObject({ customersToCreate: 1, customersToUpdate: 1 });
      await api.imports.applyPlan({ planId: plan.planId });
      const rows = await db.query<{ code: string; customer_class: string }>('SELECT code, customer_class FROM customers ORDER BY code');
      expect(rows).toEqual([
        { code: 'NEW-1', customer_class: 'B' },
        { code: 'OLD-1', customer_class: 'A' },
      ]);
      const [applied] = await db.query<{ n: unknown }>('SELECT count(*) AS n FROM import_plans WHERE applied_at IS NOT NULL');
      expect(Number(applied!.n)).toBe(1);
    });
  });
});

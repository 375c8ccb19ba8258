import { describe, expect, it } from 'vitest';
import { migrate } from '../../server/storage/migrate';
import { migrations } from '../../server/storage/migrations/index';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';
import { newId } from './support/ids';

describe.each(databaseKinds)('migrations on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind, { migrated: false });

    it('applies every migration to an empty database and records each one', async () => {
      const { db } = testDb();
      expect(await migrate(db)).toEqual(migrations.map((m) => m.version));
      const recorded = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(recorded.map((r) => r.version)).toEqual(migrations.map((m) => m.version));
    });

    it('is a no-op when run again', async () => {
      const { db } = testDb();
      await migrate(db);
      expect(await migrate(db)).toEqual([]);
      const tables = await db.query<{ n: unknown }>(
        "SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'",
      );
      expect(Number(tables[0]!.n)).toBe(10); // 9 tables + schema_migrations
    });

    it('upgrades 0001 → 0002 keeping existing organisations and users', async () => {
      const { db, services } = testDb();
      expect(await migrate(db, { upTo: 1 })).toEqual([1]);
      const created = await services.auth.createOrganisation({ name: 'Before upgrade', adminEmail: 'a@old.example' });
      expect(await migrate(db)).toEqual([2]);

      const signedIn = await services.auth.signIn({ email: 'a@old.example', code: created.code, deviceName: 't' });
      expect(signedIn.organisation.name).toBe('Before upgrade');
      const user = (await services.auth.authenticate(signedIn.token))!;
      const customerId = newId();
      const pushed = await services.sync.push(user, [
        { id: newId(), baseVersion: null, kind: 'customer.create', payload: { id: customerId, name: 'After', customerClass: null, ownerUserId: user.id, emailDomains: [] } },
      ]);
      expect(pushed.results[0]!.status).toBe('applied');
    });
  });
});

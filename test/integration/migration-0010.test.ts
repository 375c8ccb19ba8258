import { describe, expect, it } from 'vitest';
import { migrate } from '../../server/storage/migrate';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';
import { newId } from './support/ids';

describe.each(databaseKinds)('migration 0010 (work leases) on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind, { migrated: false });

    it('upgrades 0009 → 0010: existing channels keep their cursors, start unleased and can be claimed', async () => {
      const { db, store, services } = testDb();
      await migrate(db, { upTo: 9 });
      const created = await services.auth.createOrganisation({ name: 'Before 0010', adminEmail: 'a@old.example' });
      const accountId = newId();
      const channelId = newId();
      await db.query(
        `INSERT INTO mail_accounts (id, org_id, user_id, provider, address, status) VALUES ($1, $2, $3, 'google', 'a@old.example', 'active')`,
        [accountId, created.orgId, created.userId],
      );
      await db.query(
        `INSERT INTO sync_channels (id, org_id, account_id, kind, resource, label, cursor) VALUES ($1, $2, $3, 'mail', 'all', 'Mail', '12345')`,
        [channelId, created.orgId, accountId],
      );

      expect(await migrate(db, { upTo: 10 })).toEqual([10]);
      const claimed = await store.repos.syncChannels.claimDue(new Date(Date.now() + 1000), 'w1', 5_000);
      expect(claimed).toMatchObject({ id: channelId, cursor: '12345' });
      expect(await store.repos.syncChannels.claimDue(new Date(Date.now() + 1000), 'w2', 5_000)).toBeNull();
      expect(await store.repos.jobLeases.claim('any-job', 'w1', 5_000, false)).toBe(true);
    });
  });
});

import { describe, expect, it } from 'vitest';
import { migrate } from '../../server/storage/migrate';
import { signIn } from './support/actors';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';
import { newId } from './support/ids';
import { legacyCustomer, legacyNote, legacyOrg, logChange } from './support/legacy-seed';
import { pullAll, rowsOf } from './support/pull';

describe.each(databaseKinds)('migration 0006 (mail ingestion) on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind, { migrated: false });

    it('upgrades 0004 → 0006: notes stay as they were, and the change log takes mail accounts', async () => {
      const { db, services } = testDb();
      expect(await migrate(db, { upTo: 4 })).toEqual([1, 2, 3, 4]);
      // Written in SQL: today's services read columns a 0004 schema does not have yet.
      const before = await legacyOrg(db, 'Before 0006', 'a@old.example');
      const customerId = await legacyCustomer(db, before.orgId, 'Old Co', before.userId);
      await legacyNote(db, before.orgId, customerId, before.userId, '旧笔记 kept');

      expect(await migrate(db, { upTo: 6 })).toEqual([5, 6]);
      const [row] = await db.query<{ sharing: number; mailbox_user_ids: string[]; dedupe_key: string | null }>(
        'SELECT sharing, mailbox_user_ids::text[] AS mailbox_user_ids, dedupe_key FROM timeline_items',
      );
      expect(row).toEqual({ sharing: 0, mailbox_user_ids: [], dedupe_key: null });
      await logChange(db, before.orgId, 'mailAccount', newId());

      // The rest of the way, then as the server reads it today: the note is a plain note.
      await migrate(db);
      const admin = await signIn(services, before.email, before.code);
      const [item] = rowsOf((await pullAll(await admin.api())).changes, 'timelineItem');
      expect(item).toMatchObject({ summary: '旧笔记 kept', kind: 'note' });
      expect(item!.imported).toBeUndefined();
    });
  });
});

import { describe, expect, it } from 'vitest';
import { migrate } from '../../server/storage/migrate';
import { signIn } from './support/actors';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';
import { m } from './support/mutations';
import { pullAll, rowsOf } from './support/pull';

describe.each(databaseKinds)('migration 0006 (mail ingestion) on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind, { migrated: false });

    it('upgrades 0004 → 0006: notes stay as they were, and the change log takes mail accounts', async () => {
      const { db, services } = testDb();
      expect(await migrate(db, { upTo: 4 })).toEqual([1, 2, 3, 4]);
      const created = await services.auth.createOrganisation({ name: 'Before 0006', adminEmail: 'a@old.example' });
      const admin = await signIn(services, created.email, created.code);
      const customer = m.createCustomer('Old Co');
      const note = m.createNote(customer.payload.id, '旧笔记 kept');
      await (await admin.api()).sync.push({ mutations: [customer, note] });

      expect(await migrate(db, { upTo: 6 })).toEqual([5, 6]);
      const [item] = rowsOf((await pullAll(await admin.api())).changes, 'timelineItem');
      expect(item).toMatchObject({ summary: '旧笔记 kept', kind: 'note' });
      expect(item!.imported).toBeUndefined();
      const [row] = await db.query<{ sharing: number; mailbox_user_ids: string[]; dedupe_key: string | null }>(
        'SELECT sharing, mailbox_user_ids::text[] AS mailbox_user_ids, dedupe_key FROM timeline_items',
      );
      expect(row).toEqual({ sharing: 0, mailbox_user_ids: [], dedupe_key: null });
      await db.transaction(async (tx) => {
        await tx.query('UPDATE organisations SET last_change_seq = last_change_seq + 1 WHERE id = $1', [created.orgId]);
        await tx.query(
          `INSERT INTO change_log (org_id, seq, entity, entity_id, op)
           SELECT id, last_change_seq, 'mailAccount', gen_random_uuid(), 'upsert' FROM organisations WHERE id = $1`,
          [created.orgId],
        );
      });
    });
  });
});

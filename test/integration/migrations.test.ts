import { describe, expect, it } from 'vitest';
import { matchKeyOf } from '../../shared/domain/email';
import { EMPTY_CUSTOMER_FIELDS } from '../../shared/schemas/customer';
import { mutationSchema } from '../../shared/schemas/sync';
import { migrate } from '../../server/storage/migrate';
import { migrations } from '../../server/storage/migrations/index';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';
import { newId } from './support/ids';
import { legacyOrg } from './support/legacy-seed';
import { m } from './support/mutations';

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
      expect(Number(tables[0]!.n)).toBe(27); // 25 tables + job_leases (issue 8) + schema_migrations
    });

    it('upgrades 0001 → 0002 keeping existing organisations and users', async () => {
      const { db, services } = testDb();
      expect(await migrate(db, { upTo: 1 })).toEqual([1]);
      const created = await legacyOrg(db, 'Before upgrade', 'a@old.example');
      expect(await migrate(db, { upTo: 2 })).toEqual([2]);
      await migrate(db);

      const signedIn = await services.auth.signIn({ email: 'a@old.example', code: created.code, deviceName: 't' });
      expect(signedIn.organisation.name).toBe('Before upgrade');
      const user = (await services.auth.authenticate(signedIn.token))!;
      const pushed = await services.sync.push(user, [mutationSchema.parse(m.createCustomer('After', { ownerUserId: user.id }))]);
      expect(pushed.results[0]!.status).toBe('applied');
    });

    it('upgrades 0002 → 0003: customers get the empty file, contacts get match keys', async () => {
      const { db, services, store } = testDb();
      await migrate(db, { upTo: 2 });
      const created = await legacyOrg(db, 'Org', 'a@old.example');
      const customerId = newId();
      const contactId = newId();
      // Written as the v2 server stored them: normalised, not keyed.
      const emails = [
        'ann+news@acme.example',
        'ann@acme.example',
        'john.smith+crm@googlemail.com',
        'j.o.h.n@gmail.com',
        'li.lei+x@qq.com',
        'wang+tag@163.com',
        'zhang.wei@steel.cn',
        '+only@acme.example',
        '用户+标签@例子.中国',
      ];
      await db.query('INSERT INTO customers (id, org_id, name, email_domains) VALUES ($1, $2, $3, $4)', [
        customerId,
        created.orgId,
        '上海钢铁',
        ['steel.cn'],
      ]);
      await db.query('INSERT INTO contacts (id, org_id, customer_id, name, emails) VALUES ($1, $2, $3, $4, $5)', [
        contactId,
        created.orgId,
        customerId,
        '张伟',
        emails,
      ]);
      await db.query(
        'INSERT INTO contacts (id, org_id, customer_id, name, emails) VALUES ($1, $2, $3, $4, $5)',
        [newId(), created.orgId, customerId, 'No mail', []],
      );

      expect(await migrate(db, { upTo: 3 })).toEqual([3]);
      await migrate(db);

      const customer = await store.repos.customers.get(created.orgId, customerId);
      expect(customer).toMatchObject({ ...EMPTY_CUSTOMER_FIELDS, name: '上海钢铁', emailDomains: ['steel.cn'], version: 1 });
      const [raw] = await db.query<Record<string, unknown>>('SELECT profile, value_card, custom_fields FROM customers');
      // The column defaults themselves equal the empty groups (not only the repository's overlay).
      expect(raw).toEqual({
        profile: EMPTY_CUSTOMER_FIELDS.profile,
        value_card: EMPTY_CUSTOMER_FIELDS.valueCard,
        custom_fields: {},
      });

      const keyed = await db.query<{ name: string; email_keys: string[] }>('SELECT name, email_keys FROM contacts ORDER BY name');
      expect(keyed).toEqual([
        { name: 'No mail', email_keys: [] },
        { name: '张伟', email_keys: [...new Set(emails.map(matchKeyOf))] },
      ]);
      // The backfill reproduced matchKeyOf; spelled out so a mistake in both shows up too.
      expect(keyed[1]!.email_keys).toEqual([
        'ann@acme.example',
        'johnsmith@gmail.com',
        'john@gmail.com',
        'li.lei+x@qq.com',
        'wang+tag@163.com',
        'zhang.wei@steel.cn',
        '+only@acme.example',
        '用户@例子.中国',
      ]);
      const contact = await store.repos.contacts.get(created.orgId, contactId);
      expect(contact).toMatchObject({ title: null, phones: [], buyingRole: null, relationshipStrength: null, emails });
      expect(await store.repos.contacts.listByEmailKey(created.orgId, matchKeyOf('ANN+other@Acme.example'))).toEqual([
        { id: contactId, customerId },
      ]);
    });
  });
});

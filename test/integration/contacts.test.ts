import { describe, expect, it } from 'vitest';
import { signedInAdmin } from './support/actors';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';
import { newId } from './support/ids';
import { m, outcomes } from './support/mutations';
import { pullAll, rowsOf } from './support/pull';

describe.each(databaseKinds)('contacts on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind);

    it('stores every contact field, normalising and de-duplicating addresses', async () => {
      const { services } = testDb();
      const api = await (await signedInAdmin(services)).api();
      const customer = m.createCustomer('上海钢铁', { emailDomains: ['steel.cn'] });
      const contact = m.createContact(customer.payload.id, '张伟', [' Zhang.Wei@Steel.CN', 'zhang.wei@steel.cn', 'ZW+crm@steel.cn'], {
        title: '采购经理',
        phones: ['+86 138 0000 0000', '021-1234 5678 转 801'],
        buyingRole: 'decision_maker',
        relationshipStrength: 4,
        preferredChannel: 'wechat',
        birthday: '05-17',
        notes: 'Prefers calls after 14:00',
      });
      expect(outcomes(await api.sync.push({ mutations: [customer, contact] }))).toEqual(['applied', 'applied']);
      const [row] = rowsOf((await pullAll(api)).changes, 'contact');
      expect(row).toEqual({
        id: contact.payload.id,
        customerId: customer.payload.id,
        name: '张伟',
        title: '采购经理',
        emails: ['zhang.wei@steel.cn', 'zw+crm@steel.cn'],
        phones: ['+86 138 0000 0000', '021-1234 5678 转 801'],
        buyingRole: 'decision_maker',
        relationshipStrength: 4,
        preferredChannel: 'wechat',
        birthday: '05-17',
        notes: 'Prefers calls after 14:00',
        version: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
    });

    it('matches an address case- and plus-tag-insensitively through the stored match keys', async () => {
      const { services, db } = testDb();
      const admin = await signedInAdmin(services);
      const user = (await services.auth.authenticate(admin.token))!;
      const api = await admin.api();
      const acme = m.createCustomer('Acme', { emailDomains: ['acme.example'] });
      const other = m.createCustomer('Other', { emailDomains: ['acme.example'] });
      const ann = m.createContact(acme.payload.id, 'Ann', ['Ann+News@Acme.example', 'john.smith@googlemail.com', 'li+x@qq.com']);
      await api.sync.push({ mutations: [acme, other, ann] });

      const [stored] = await db.query<{ email_keys: string[] }>('SELECT email_keys FROM contacts');
      expect(stored!.email_keys).toEqual(['ann@acme.example', 'johnsmith@gmail.com', 'li+x@qq.com']);

      const byContact = { matches: [{ customerId: acme.payload.id, reason: { kind: 'contact', contactId: ann.payload.id } }], chosenCustomerId: null };
      expect(await services.customers.match(user, 'ANN@acme.example')).toEqual(byContact);
      expect(await services.customers.match(user, 'ann+other@ACME.example')).toEqual(byContact);
      expect(await services.customers.match(user, 'JohnSmith@gmail.com')).toEqual(byContact);
      // QQ delivers li+x@ to its own mailbox, so plain li@ is a stranger: the domain is free mail.
      expect((await services.customers.match(user, 'li@qq.com')).matches).toEqual([]);
      // No contact: both customers owning the domain match, and the user's choice is remembered.
      expect((await services.customers.match(user, 'bob@acme.example')).matches.map((x) => x.customerId)).toEqual(
        [acme.payload.id, other.payload.id].sort(),
      );
      await api.sync.push({ mutations: [m.setMatchChoice('Bob+1@acme.example', other.payload.id)] });
      expect((await services.customers.match(user, 'bob@acme.example')).chosenCustomerId).toBe(other.payload.id);

      // Changing the addresses changes the keys.
      await api.sync.push({ mutations: [m.updateContact(ann.payload.id, { emails: ['ann.b@Acme.example'] })] });
      expect((await services.customers.match(user, 'ann@acme.example')).matches[0]!.reason.kind).toBe('domain');
      expect((await services.customers.match(user, 'ann.b+x@acme.example')).matches).toHaveLength(1);
    });

    it('updates fields, moves a contact to another live customer only, and deletes with a tombstone', async () => {
      const { services } = testDb();
      const api = await (await signedInAdmin(services)).api();
      const acme = m.createCustomer('Acme');
      const beta = m.createCustomer('Beta');
      const gone = m.createCustomer('Gone');
      const ann = m.createContact(acme.payload.id, 'Ann', ['ann@acme.example'], { title: 'Buyer', phones: ['123 456'] });
      await api.sync.push({ mutations: [acme, beta, gone, ann, m.deleteCustomer(gone.payload.id)] });
      const { cursor } = await pullAll(api);

      const out = await api.sync.push({
        mutations: [
          m.updateContact(ann.payload.id, { title: 'Head of purchasing', relationshipStrength: 5 }),
          m.updateContact(ann.payload.id, { customerId: gone.payload.id }),
          m.updateContact(ann.payload.id, { customerId: newId() }),
          m.updateContact(ann.payload.id, { customerId: beta.payload.id }),
          m.updateContact(newId(), { name: 'Nobody' }),
        ],
      });
      expect(outcomes(out)).toEqual(['applied', 'not_found', 'not_found', 'applied', 'not_found']);
      const moved = rowsOf((await pullAll(api, cursor)).changes, 'contact');
      expect(moved).toEqual([
        expect.objectContaining({
          customerId: beta.payload.id,
          title: 'Head of purchasing',
          relationshipStrength: 5,
          phones: ['123 456'],
          emails: ['ann@acme.example'],
          version: 3,
        }),
      ]);

      const { cursor: beforeDelete } = await pullAll(api);
      const del = await api.sync.push({
        mutations: [m.deleteContact(ann.payload.id), m.deleteContact(ann.payload.id), m.updateContact(ann.payload.id, { name: 'x' })],
      });
      expect(outcomes(del)).toEqual(['applied', 'applied', 'not_found']);
      expect((await pullAll(api, beforeDelete)).changes).toEqual([{ entity: 'contact', op: 'delete', id: ann.payload.id }]);
      expect((await api.sync.push({ mutations: [m.deleteContact(newId())] })).results[0]).toMatchObject({ code: 'not_found' });
    });

    it('refuses invalid contact fields at the boundary, naming the field', async () => {
      const { services } = testDb();
      const api = await (await signedInAdmin(services)).api();
      const bad = [
        m.updateContact(newId(), { emails: ['not an email'] }),
        m.updateContact(newId(), { birthday: '13-01' }),
        m.updateContact(newId(), { relationshipStrength: 6 }),
        m.updateContact(newId(), { buyingRole: 'boss' as never }),
      ];
      for (const mutation of bad) {
        await expect(api.sync.push({ mutations: [mutation] })).rejects.toMatchObject({
          code: 'BAD_REQUEST',
          message: expect.stringContaining(`mutations.0.payload.patch.${Object.keys(mutation.payload.patch)[0]}`),
        });
      }
    });
  });
});

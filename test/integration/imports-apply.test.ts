import { describe, expect, it } from 'vitest';
import { signedInAdmin } from './support/actors';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';
import { csv, fixture, pulledRows, upload } from './support/imports';
import { countRows, m } from './support/mutations';

describe.each(databaseKinds)('imports.applyPlan on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind);

    it('writes exactly the plan, with change-log entries, so the rows reach replicas by the normal pull', async () => {
      const { services } = testDb();
      const admin = await signedInAdmin(services);
      const api = await admin.api();
      const plan = await api.imports.plan(fixture('customers.csv'));
      const result = await api.imports.applyPlan({ planId: plan.planId });
      expect(result).toMatchObject({ customersCreated: 2, contactsCreated: 3, customersUpdated: 0, contactsUpdated: 0 });

      const [customers, allContacts] = [await pulledRows(api, 'customer'), await pulledRows(api, 'contact')];
      const baosteel = customers.find((c) => c.code === 'C-001')!;
      expect(baosteel).toMatchObject({
        name: '上海宝钢集团有限公司',
        shortNames: ['宝钢'],
        taxNumber: '91310000132200821H',
        customerClass: 'A',
        ownerUserId: admin.userId,
        tags: ['重点', '华东'],
        profile: expect.objectContaining({ industry: '钢铁', address: '上海市浦东新区, 浦电路370号', website: 'baosteel.com' }),
        version: 1,
      });
      const contacts = allContacts.filter((c) => c.customerId === baosteel.id);
      expect(contacts.map((c) => [c.name, c.title, c.emails, c.phones])).toEqual([
        ['张伟', '采购经理', ['zhang.wei@baosteel.com'], ['13800138000']],
        ['李娜', '工程师', ['li.na@baosteel.com'], ['13900139000']],
      ]);
      const acme = customers.find((c) => c.code === 'C-002')!;
      expect(acme.profile).toMatchObject({ address: '1 Main St\nSuite 5' });
      expect(allContacts.find((c) => c.customerId === acme.id)).toMatchObject({ title: 'Buyer, "Senior"' });

      // The same file again: nothing left to do.
      const again = await api.imports.plan(fixture('customers.csv'));
      expect(again.counts).toMatchObject({ customersToCreate: 0, customersToUpdate: 0, customersUnchanged: 2, contactsToCreate: 0, contactsToUpdate: 0 });
    });

    it('is all or nothing: a row the database refuses at write time leaves nothing written', async () => {
      const { services, db } = testDb();
      const api = await (await signedInAdmin(services)).api();
      const plan = await api.imports.plan(upload(csv([['Name', 'Contact', 'Email'], ['Alpha', 'A', 'a@alpha.example'], ['Boom Ltd', 'B', 'b@boom.example'], ['Gamma', 'C', 'c@gamma.example']])));
      expect(plan.counts).toMatchObject({ customersToCreate: 3, contactsToCreate: 3 });
      // Something the dry run cannot foresee: the database refuses one row while writing.
      await db.query(`ALTER TABLE customers ADD CONSTRAINT test_no_boom CHECK (name <> 'Boom Ltd')`);
      try {
        const before = await countRows(db);
        await expect(api.imports.applyPlan({ planId: plan.planId })).rejects.toMatchObject({
          code: 'CONFLICT',
          message: expect.stringMatching(/nothing was imported/),
        });
        expect(await countRows(db)).toEqual(before);
      } finally {
        await db.query('ALTER TABLE customers DROP CONSTRAINT test_no_boom');
      }
      // The plan was not used up: once the cause is gone it applies.
      await expect(api.imports.applyPlan({ planId: plan.planId })).resolves.toMatchObject({ customersCreated: 3 });
    });

    it('fails cleanly when the data changed since the dry run (a code now taken, a customer edited)', async () => {
      const { services, db } = testDb();
      const api = await (await signedInAdmin(services)).api();
      const existing = m.createCustomer('Acme', { code: 'C-1' });
      await api.sync.push({ mutations: [existing] });
      const plan = await api.imports.plan(upload(csv([['Code', 'Name', 'Class'], ['C-1', 'Acme', 'A'], ['C-9', 'New Co', 'B']])));
      expect(plan.counts).toMatchObject({ customersToCreate: 1, customersToUpdate: 1 });
      await api.sync.push({
        mutations: [m.createCustomer('Sneaky', { code: 'C-9' }), m.updateCustomer(existing.payload.id, { customerClass: 'C' })],
      });
      const before = await countRows(db);
      const failure = api.imports.applyPlan({ planId: plan.planId });
      await expect(failure).rejects.toMatchObject({ code: 'CONFLICT' });
      const message = (await failure.catch((e: Error) => e.message)) as string;
      expect(message).toMatch(/the customer of row 2 was edited/);
      expect(message).toMatch(/code C-9 is now used by Sneaky/);
      expect(message).toMatch(/Run the dry run again/);
      expect(await countRows(db)).toEqual(before);
    });

    it('applies a plan once', async () => {
      const { services } = testDb();
      const api = await (await signedInAdmin(services)).api();
      const plan = await api.imports.plan(upload('Name\nOnce Co\n'));
      await api.imports.applyPlan({ planId: plan.planId });
      await expect(api.imports.applyPlan({ planId: plan.planId })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already applied/) });
      const { items } = await api.customers.list({});
      expect(items.map((c) => c.name)).toEqual(['Once Co']);
    });

    it('updates existing customers and contacts field by field, adding to lists', async () => {
      const { services } = testDb();
      const api = await (await signedInAdmin(services)).api();
      const customer = m.createCustomer('Acme', { code: 'C-1', tags: ['old'], emailDomains: ['acme.example'] });
      const contact = m.createContact(customer.payload.id, 'Ann', ['ann@acme.example'], { title: 'Buyer' });
      await api.sync.push({ mutations: [customer, contact] });
      const plan = await api.imports.plan(upload(csv([
        ['Code', 'Name', 'Tags', 'Address', 'Contact', 'Email', 'Phone'],
        ['C-1', 'Acme', 'new', '1 Road', 'Ann', 'ANN@acme.example', '+1 555 0101'],
      ])));
      expect(plan.updates.map((u) => [u.entity, u.fields])).toEqual([
        ['customer', ['customer.tags', 'customer.profile.address']],
        ['contact', ['contact.phones']],
      ]);
      await api.imports.applyPlan({ planId: plan.planId });
      const updated = await api.customers.get({ id: customer.payload.id });
      expect(updated).toMatchObject({ tags: ['old', 'new'], emailDomains: ['acme.example'], version: 2, profile: expect.objectContaining({ address: '1 Road' }) });
    });

    it('pass 2 puts past interactions on the timelines of customers imported in pass 1', async () => {
      const { services } = testDb();
      const admin = await signedInAdmin(services);
      const api = await admin.api();
      await api.imports.applyPlan({ planId: (await api.imports.plan(fixture('customers.csv'))).planId });
      const history = upload(csv([
        ['客户编号', '日期', '类型', '内容', '邮箱'],
        ['C-001', '2024/3/5 14:30', '电话', '询问二季度报价', 'zhang.wei@baosteel.com'],
        ['C-002', '2024-03-06', 'visit', 'Plant tour', ''],
        ['C-404', '2024-03-07', '备注', 'nobody', ''],
      ]), 'history.csv');
      const inspect = await api.imports.inspect({ ...history, pass: 'open_items' });
      expect(inspect.suggestedMapping).toMatchObject({ 日期: 'history.occurredAt', 类型: 'history.kind', 内容: 'history.summary', 邮箱: 'contact.emails' });
      const plan = await api.imports.plan({ ...history, pass: 'open_items', utcOffsetMinutes: 480 });
      expect(plan.counts).toMatchObject({ historyToCreate: 2, errorRows: 1 });
      expect(plan.errors[0]!.message).toMatch(/Row 4: no customer with code C-404: import the customers first/);
      await api.imports.applyPlan({ planId: plan.planId });
      const items = await pulledRows(api, 'timelineItem');
      expect(items.map((i) => [i.kind, i.occurredAt, i.summary, (i.contactIds as string[]).length, i.authorUserId])).toEqual([
        ['call', '2024-03-05T06:30:00.000Z', '询问二季度报价', 1, admin.userId],
        ['visit', '2024-03-05T16:00:00.000Z', 'Plant tour', 0, admin.userId],
      ]);
    });
  });
});

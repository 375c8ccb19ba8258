import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../shared/schemas/import';
import { invitedUser, signedInAdmin } from './support/actors';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';
import { csv, fixture, upload } from './support/imports';
import { countRows, m } from './support/mutations';

describe.each(databaseKinds)('imports.plan on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind);

    it('reads the fixture (customer repeated per contact) into 2 customers and 3 contacts, writing only the plan', async () => {
      const { services, db } = testDb();
      const admin = await signedInAdmin(services);
      const api = await admin.api();
      const before = await countRows(db);
      const report = await api.imports.plan(fixture('customers.csv'));
      expect(report.counts).toMatchObject({
        dataRows: 3,
        errorRows: 0,
        customersToCreate: 2,
        customersToUpdate: 0,
        contactsToCreate: 3,
        duplicates: 0,
      });
      expect(report.errors).toEqual([]);
      expect(report.mapping['手机']).toBe('contact.phones');
      expect(report.encoding).toBe('utf-8');
      expect(await countRows(db)).toEqual(before);
    });

    it('reads GBK bytes from Chinese Excel and an .xlsx the same way', async () => {
      const { services } = testDb();
      const api = await (await signedInAdmin(services)).api();
      const gbk = await api.imports.plan(fixture('customers-gbk.csv'));
      expect(gbk.encoding).toBe('gb18030');
      expect(gbk.counts).toMatchObject({ customersToCreate: 2, contactsToCreate: 3, errorRows: 0 });
      const xlsx = await api.imports.inspect(fixture('customers.xlsx'));
      expect(xlsx).toMatchObject({ format: 'xlsx', encoding: null, dataRows: 1 });
      expect(xlsx.sampleRows[0]).toEqual(['X-100', '深圳华强电子有限公司', 'A类', '2024-03-15', '1250000.5', '陈静', 'chen.jing@huaqiang.example']);
      expect(xlsx.suggestedMapping).toMatchObject({ 注册日期: 'customer.profile.registeredOn', 电子邮件: 'contact.emails' });
    });

    it('names the row and the column of each bad value, and plans the good rows', async () => {
      const { services } = testDb();
      const api = await (await signedInAdmin(services)).api();
      const file = csv([
        ['客户名称', '等级', '联系人', '邮箱', '负责人'],
        ['Good Co', 'A', 'Ann', 'ann@good.example', ''],
        ['Bad Class Co', 'D', '', '', ''],
        ['Bad Mail Co', 'B', 'Bob', 'not-an-email', ''],
        ['', '', 'Orphan', 'o@x.example', ''],
        ['Nobody Owns Co', '', '', '', '王五'],
      ]);
      const report = await api.imports.plan(upload(`${file}Extra Co,A,Eve,eve@x.example,,surplus\n`));
      const byRow = Object.fromEntries(report.errors.map((e) => [e.row, e]));
      expect(byRow[3]).toMatchObject({ column: '等级', message: expect.stringMatching(/^Row 3, column "等级": "D" is not a class/) });
      expect(byRow[4]).toMatchObject({ column: '邮箱', message: expect.stringContaining('Row 4, column "邮箱"') });
      expect(byRow[5]!.message).toMatch(/customer is missing/);
      expect(byRow[6]).toMatchObject({ column: '负责人', message: expect.stringContaining('no member of this organisation is called 王五') });
      expect(byRow[7]!.message).toMatch(/has 6 cells but the header has 5 columns/);
      expect(report.counts).toMatchObject({ dataRows: 6, errorRows: 5, customersToCreate: 1, contactsToCreate: 1 });
    });

    it('finds updates by code or tax number, and reports only the fields that change', async () => {
      const { services } = testDb();
      const admin = await signedInAdmin(services);
      const api = await admin.api();
      await api.sync.push({
        mutations: [
          m.createCustomer('Acme', { code: 'C-1', customerClass: 'B', tags: ['old'] }),
          m.createCustomer('Beta GmbH', { taxNumber: 'DE123' }),
        ],
      });
      const report = await api.imports.plan(
        upload(csv([
          ['Code', 'Name', 'Class', 'Tax number', 'Tags'],
          ['C-1', 'Acme', 'A', '', 'new'],
          ['', 'Beta GmbH', '', 'de 123', ''],
        ])),
      );
      expect(report.counts).toMatchObject({ customersToCreate: 0, customersToUpdate: 1, customersUnchanged: 1 });
      expect(report.updates).toEqual([
        expect.objectContaining({ row: 2, entity: 'customer', name: 'Acme', fields: ['customer.customerClass', 'customer.tags'] }),
      ]);
    });

    it('reports likely duplicates (domain, tax number, near-identical name, within the file) and skips them by default', async () => {
      const { services } = testDb();
      const api = await (await signedInAdmin(services)).api();
      await api.sync.push({
        mutations: [m.createCustomer('上海宝钢集团', { emailDomains: ['baosteel.com'], taxNumber: 'T-9' })],
      });
      const file = upload(csv([
        ['客户名称', '税号', '邮箱域名'],
        ['上海宝钢（集团）股份有限公司', '', ''],
        ['Other Steel', '', 'baosteel.com'],
        ['Third', 'T-9', ''],
        ['Siemens AG', '', ''],
        ['SIEMENS  Ltd.', '', ''],
        ['Brand New Co', '', ''],
      ]));
      const skip = await api.imports.plan(file);
      expect(skip.duplicates.map((d) => [d.row, d.reason, d.existingRow ?? d.existingName, d.action])).toEqual([
        [2, 'name', '上海宝钢集团', 'skipped'],
        [3, 'emailDomain', '上海宝钢集团', 'skipped'],
        [6, 'name', 5, 'skipped'],
      ]);
      // The same tax number is the same customer: an update, not a duplicate.
      expect(skip.updates).toEqual([expect.objectContaining({ row: 4, name: '上海宝钢集团', fields: ['customer.name'] })]);
      expect(skip.counts).toMatchObject({ customersToCreate: 2, customersToUpdate: 1, duplicates: 3, skippedRows: 3 });
      const create = await api.imports.plan({ ...file, duplicates: 'create' });
      expect(create.counts).toMatchObject({ customersToCreate: 5, duplicates: 3, skippedRows: 0 });
      expect(create.duplicates.every((d) => d.action === 'created')).toBe(true);
    });

    it('refuses files it cannot read, with a message that says what to do', async () => {
      const { services } = testDb();
      const api = await (await signedInAdmin(services)).api();
      const xls = upload(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'old.xls');
      await expect(api.imports.plan(xls)).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/save as \.xlsx or CSV/) });
      await expect(api.imports.plan(upload('Name\n"Acme, unterminated\n'))).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringMatching(/quoted field is never closed/),
      });
      await expect(api.imports.plan(upload('Phone,Fax\n1,2\n'))).rejects.toMatchObject({ message: expect.stringMatching(/Map a column to Customer name/) });
      await expect(api.imports.plan({ ...upload('Name\nA\n'), mapping: { Nope: 'customer.name' } })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringMatching(/does not have: Nope/),
      });
      const tooBig = { fileName: 'big.csv', contentBase64: 'A'.repeat(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4) };
      await expect(api.imports.plan(tooBig)).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/larger than 20 MB/) });
    });

    it('lets only admins import (a dry run matches against every customer of the organisation)', async () => {
      const { services } = testDb();
      const admin = await signedInAdmin(services);
      const rep = await invitedUser(services, admin, 'rep@a.example', 'sales_rep');
      const manager = await invitedUser(services, admin, 'boss@a.example', 'manager');
      const admin2 = await invitedUser(services, admin, 'admin2@a.example', 'admin');
      const file = upload('Name\nAcme\n');
      for (const api of [await rep.api(), await manager.api()]) {
        await expect(api.imports.inspect(file)).rejects.toMatchObject({ code: 'FORBIDDEN' });
        await expect(api.imports.plan(file)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      }
      const plan = await (await admin2.api()).imports.plan(file);
      await expect((await rep.api()).imports.applyPlan({ planId: plan.planId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      // Another admin cannot apply someone else's plan, nor another organisation.
      await expect((await admin.api()).imports.applyPlan({ planId: plan.planId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      const other = await signedInAdmin(services, 'Org B', 'b@b.example');
      await expect((await other.api()).imports.applyPlan({ planId: plan.planId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect((await admin2.api()).imports.applyPlan({ planId: plan.planId })).resolves.toMatchObject({ customersCreated: 1 });
    });
  });
});

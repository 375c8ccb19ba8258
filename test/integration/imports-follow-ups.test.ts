import { describe, expect, it } from 'vitest';
import { invitedUser, signedInAdmin } from './support/actors';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';
import { csv, fixture, pulledRows, upload } from './support/imports';

// Pass 2 at cut-over, issue 4: the follow-ups still open in the old system become follow-ups.
describe.each(databaseKinds)('import pass 2: open follow-ups on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind);

    it('makes open follow-ups from "next follow-up" columns, past due ones counted as overdue, to the right owner', async () => {
      const { services } = testDb();
      const admin = await signedInAdmin(services);
      const rep = await invitedUser(services, admin, 'li.ming@ourco.example');
      const api = await admin.api();
      await api.imports.applyPlan({ planId: (await api.imports.plan(fixture('customers.csv'))).planId });
      const file = upload(
        csv([
          ['客户编号', '跟进时间', '跟进内容', '下次跟进时间', '下次跟进内容', '跟进人', '邮箱'],
          ['C-001', '2024/3/5 14:30', '询问二季度报价', '2030/4/1 09:00', '寄送报价单', 'li.ming@ourco.example', 'zhang.wei@baosteel.com'],
          ['C-002', '2024-03-06', 'Plant tour', '2024-03-20', '', '', ''],
          ['C-001', '', '', '2030-05-01', '年度框架协议续签', '', ''],
          ['C-002', '', '', '', '只有内容没有时间', '', ''],
          ['C-001', '', '', '2030-06-01', '', 'nobody@ourco.example', ''],
        ]),
        'open-items.csv',
      );
      const inspect = await api.imports.inspect({ ...file, pass: 'open_items' });
      expect(inspect.suggestedMapping).toMatchObject({
        跟进时间: 'history.occurredAt',
        跟进内容: 'history.summary',
        下次跟进时间: 'followUp.dueAt',
        下次跟进内容: 'followUp.reason',
        跟进人: 'followUp.owner',
      });
      const plan = await api.imports.plan({ ...file, pass: 'open_items', utcOffsetMinutes: 480 });
      expect(plan.counts).toMatchObject({ historyToCreate: 2, followUpsToCreate: 3, followUpsOverdue: 1, errorRows: 2 });
      expect(plan.errors.map((e) => e.message)).toEqual([
        'Row 5, column "下次跟进时间": the follow-up due time is missing',
        'Row 6, column "跟进人": no member of this organisation has the address nobody@ourco.example',
        'Row 6, column "下次跟进内容": say what to follow up on (or fill in the summary)',
      ]);
      expect(await api.imports.applyPlan({ planId: plan.planId })).toMatchObject({ historyCreated: 2, followUpsCreated: 3 });

      const [items, followUps, customers] = [await pulledRows(api, 'timelineItem'), await pulledRows(api, 'followUp'), await pulledRows(api, 'customer')];
      const codeOf = new Map(customers.map((c) => [c.id, c.code]));
      const quote = items.find((i) => i.summary === '询问二季度报价')!;
      expect(followUps.map((f) => [codeOf.get(f.customerId as string), f.dueAt, f.reason, f.ownerUserId, f.source, f.status, f.sourceId])).toEqual([
        ['C-001', '2030-04-01T01:00:00.000Z', '寄送报价单', rep.userId, 'import', 'open', quote.id],
        // No reason of its own: the interaction's summary; nobody named and no owner: the importer.
        ['C-002', '2024-03-19T16:00:00.000Z', 'Plant tour', admin.userId, 'import', 'open', expect.any(String)],
        ['C-001', '2030-04-30T16:00:00.000Z', '年度框架协议续签', admin.userId, 'import', 'open', null],
      ]);
      expect(followUps[0]!.contactId).toBe(quote.contactIds && (quote.contactIds as string[])[0]);
    });

    it('refuses a mapping with neither interactions nor follow-ups, saying what to map', async () => {
      const { services } = testDb();
      const api = await (await signedInAdmin(services)).api();
      const file = upload(csv([['客户编号', '下次跟进内容'], ['C-001', '寄送报价单']]), 'x.csv');
      await expect(api.imports.plan({ ...file, pass: 'open_items' })).rejects.toThrow(/Open follow-up: due/);
    });
  });
});

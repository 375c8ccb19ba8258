import { describe, expect, it } from 'vitest';
import { signedInAdmin } from './support/actors';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';
import { csv, fixture, pulledRows, upload } from './support/imports';

describe.each(databaseKinds)('import pass 2: open requests and complaints on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind);

    it('imports open items with their clocks, promises and first replies by the shared rules; what a rule refuses is a row error', async () => {
      const { services } = testDb();
      const admin = await signedInAdmin(services);
      const api = await admin.api();
      await api.imports.applyPlan({ planId: (await api.imports.plan(fixture('customers.csv'))).planId });
      const file = upload(csv([
        ['客户编号', '受理时间', '投诉内容', '投诉类型', '紧急', '处理人', '承诺回复时间', '首次回复时间', '邮箱', '日期', '内容'],
        ['C-001', '2024/3/5 09:00', '第二批钢卷交货延迟', '投诉', '是', 'admin@a.example', '2024/3/6 17:00', '', 'zhang.wei@baosteel.com', '', ''],
        ['C-002', '2024-03-06 10:00', '询问新规格价格', '咨询', '', '', '', '2024-03-06 12:00', '', '2024-03-06 10:00', '电话询价'],
        ['C-001', '2024-03-07 10:00', '包装破损', '请求', '', '', '2024-03-08 10:00', '', '', '2024-03-07 10:00', '不应导入的记录'],
        ['C-001', '2030-01-01 10:00', '未来的投诉', '', '', '', '', '', '', '', ''],
        ['C-001', '2024-03-09 10:00', '质量问题', '', '', '', '', '2024-03-09 08:00', '', '', ''],
      ]), 'open-items.csv');
      const inspect = await api.imports.inspect({ ...file, pass: 'open_items' });
      expect(inspect.suggestedMapping).toMatchObject({
        受理时间: 'service.receivedAt',
        投诉内容: 'service.summary',
        投诉类型: 'service.type',
        紧急: 'service.urgent',
        处理人: 'service.owner',
        承诺回复时间: 'service.promisedReplyAt',
        首次回复时间: 'service.firstReplyAt',
        日期: 'history.occurredAt',
        内容: 'history.summary',
      });
      const plan = await api.imports.plan({ ...file, pass: 'open_items', utcOffsetMinutes: 480 });
      expect(plan.counts).toMatchObject({ serviceItemsToCreate: 2, serviceItemsOverdue: 1, historyToCreate: 1, errorRows: 3 });
      expect(plan.errors.map((e) => e.message)).toEqual([
        'Row 4, column "承诺回复时间": Only complaints have a promised reply time and options; make it a complaint first.',
        'Row 5, column "受理时间": the received time is in the future',
        'Row 6, column "首次回复时间": The reply cannot be earlier than when the request was received.',
      ]);

      const applied = await api.imports.applyPlan({ planId: plan.planId });
      expect(applied).toMatchObject({ serviceItemsCreated: 2, historyCreated: 1 });
      const items = (await pulledRows(api, 'serviceItem')).sort((a, b) => String(a.receivedAt).localeCompare(String(b.receivedAt)));
      expect(items).toEqual([
        expect.objectContaining({
          type: 'complaint',
          summary: '第二批钢卷交货延迟',
          urgent: true,
          channel: 'other',
          stage: 'committed',
          receivedAt: '2024-03-05T01:00:00.000Z',
          firstReplyDueAt: '2024-03-05T03:00:00.000Z',
          promisedReplyAt: '2024-03-06T09:00:00.000Z',
          firstReplyAt: null,
          ownerUserId: admin.userId,
          contactId: expect.any(String),
          createdByUserId: admin.userId,
        }),
        expect.objectContaining({
          type: 'request',
          summary: '询问新规格价格',
          stage: 'received',
          firstReplyAt: '2024-03-06T04:00:00.000Z',
          firstReplyDueAt: '2024-03-07T02:00:00.000Z',
          contactId: null,
        }),
      ]);
      const followUps = await pulledRows(api, 'followUp');
      expect(followUps).toEqual([
        expect.objectContaining({ purpose: 'complaint_promised_reply', sourceId: items[0]!.id, dueAt: '2024-03-06T09:00:00.000Z', status: 'open' }),
      ]);
      expect((await pulledRows(api, 'timelineItem')).map((t) => t.summary)).toEqual(['电话询价']);
    });

    it('a file with neither interactions nor requests is refused with what to map', async () => {
      const { services } = testDb();
      const api = await (await signedInAdmin(services)).api();
      const file = upload(csv([['客户编号', '紧急'], ['C-001', '是']]), 'x.csv');
      await expect(api.imports.plan({ ...file, pass: 'open_items' })).rejects.toThrow(/Request or complaint: what the customer asks/);
    });
  });
});

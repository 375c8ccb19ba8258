import { describe, expect, it } from 'vitest';
import { ruleRecordId } from '../../../shared/domain/rule-follow-up';
import { visitTimelineItemId } from '../../../shared/domain/visit-rules';
import { DEFAULT_ORG_SETTINGS } from '../../../shared/schemas/org-settings';
import type { LocalDb } from '../../../extension/local-db/db';
import { setMeta } from '../../../extension/local-db/meta';
import { dismissRejected } from '../../../extension/local-db/mutations/dismiss-rejected';
import { RuleRefusal } from '../../../extension/local-db/mutations/rule-refusal';
import { changeServiceItem, logServiceItem } from '../../../extension/local-db/mutations/service-items';
import { changeVisit, planVisit } from '../../../extension/local-db/mutations/visits';
import { applyPushResults } from '../../../extension/local-db/sync-store';
import { serviceItemsOf } from '../../../extension/local-db/queries/service-items';
import { reviewQueueOf, visitBriefOf, visitsOf } from '../../../extension/local-db/queries/visits';
import { freshDb, localContact, localCustomer, timelineItem } from './helpers';

const ME = '01936b2e-7c4a-7d1e-9b5f-2a3c4d5e6f71';

async function world(role: 'sales_rep' | 'manager' = 'sales_rep') {
  const db = freshDb();
  await setMeta(db, 'session', { userId: ME, email: 'me@ourco.example', displayName: 'Mia', organisationId: 'o', organisationName: 'Our Co' });
  await db.members.put({ id: ME, email: 'me@ourco.example', displayName: 'Mia', role, departmentId: null, active: true });
  const customer = localCustomer({ name: '宝钢股份' });
  const contact = localContact(customer.id, { name: '王经理' });
  await db.customers.add(customer);
  await db.contacts.add(contact);
  return { db, customer, contact };
}

const kinds = async (db: LocalDb) => (await db.outbox.orderBy('id').toArray()).map((e) => e.mutation.kind);

async function refusedCodes(write: Promise<unknown>): Promise<string[]> {
  try {
    await write;
  } catch (error) {
    if (error instanceof RuleRefusal) return error.problems.map((p) => p.code);
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('service items in the replica', () => {
  it("logs a complaint with its clock from the replicated settings, and walks the workflow with the server's rows", async () => {
    const { db, customer } = await world();
    await db.orgSettings.add({ ...DEFAULT_ORG_SETTINGS, sla: { firstReplyHours: 8, urgentFirstReplyHours: 1 }, id: 'o', updatedAt: '2026-01-01T00:00:00Z', version: 3 });
    const receivedAt = new Date(Date.now() - 3_600_000).toISOString();
    const id = await logServiceItem(db, { customerId: customer.id, type: 'complaint', urgent: true, channel: 'email', summary: '包装破损', receivedAt, threadRef: 'gmail:abc', afterMessageId: 'm1' });
    const [view] = await serviceItemsOf(db, customer.id);
    expect(view!.item).toMatchObject({ id, stage: 'received', ownerUserId: ME, firstReplyDueAt: new Date(Date.parse(receivedAt) + 3_600_000).toISOString(), version: 0 });

    // The sidebar's check before queueing: nothing is written when a step is refused.
    expect(await refusedCodes(changeServiceItem(db, id, { kind: 'service.options', payload: { options: [], chosenOptionId: null } }))).toEqual(['commit_first']);
    const promisedAt = new Date(Date.now() + 86_400_000).toISOString();
    await changeServiceItem(db, id, { kind: 'service.commit', payload: { promisedReplyAt: promisedAt } });
    await changeServiceItem(db, id, {
      kind: 'service.options',
      payload: { options: [{ id: 'a', text: '退货' }, { id: 'b', text: '补发' }, { id: 'c', text: '折扣' }], chosenOptionId: 'b' },
    });
    expect(await refusedCodes(changeServiceItem(db, id, { kind: 'service.resolve', payload: { reply: '已电话说明', result: '', resolvedAt: new Date().toISOString() } }))).toEqual([
      'result_required',
    ]);
    expect(await kinds(db)).toEqual(['service.create', 'service.commit', 'service.options']);

    await changeServiceItem(db, id, { kind: 'service.resolve', payload: { reply: '已电话说明', result: '补发 200 件', satisfaction: 4, resolvedAt: new Date().toISOString() } });
    const [resolved] = await serviceItemsOf(db, customer.id);
    expect(resolved!.item.stage).toBe('return_visit');
    expect(resolved!.followUps.map((f) => [f.purpose, f.status])).toEqual([
      ['complaint_promised_reply', 'done'],
      ['complaint_return_visit', 'open'],
      ['complaint_return_visit', 'open'],
    ]);
    expect(resolved!.followUps[0]!.id).toBe(await ruleRecordId('complaint_promised_reply', id));
    expect(await refusedCodes(changeServiceItem(db, id, { kind: 'service.close', payload: { closedAt: new Date().toISOString() } }))).toEqual(['return_visits_open']);
  });

  it('a refused step, dismissed, takes its optimistic follow-ups with it; a pulled server copy stays', async () => {
    const { db, customer } = await world();
    const id = await logServiceItem(db, { customerId: customer.id, type: 'complaint', channel: 'phone', summary: '噪音', receivedAt: new Date().toISOString() });
    await applyPushResults(db, [{ mutationId: (await db.outbox.toArray())[0]!.id, status: 'applied' }]);
    await changeServiceItem(db, id, { kind: 'service.commit', payload: { promisedReplyAt: new Date(Date.now() + 3_600_000).toISOString() } });
    const [entry] = await db.outbox.toArray();
    expect(entry!.sideRows).toHaveLength(1);
    await applyPushResults(db, [{ mutationId: entry!.id, status: 'rejected', code: 'conflict', reason: 'It is already resolved.' }]);
    await dismissRejected(db, entry!.id);
    expect(await db.followUps.count()).toBe(0);
    expect((await db.serviceItems.get(id))!.stage).toBe('received');

    await changeServiceItem(db, id, { kind: 'service.commit', payload: { promisedReplyAt: new Date(Date.now() + 3_600_000).toISOString() } });
    const [again] = await db.outbox.toArray();
    const promisedId = await ruleRecordId('complaint_promised_reply', id);
    await db.followUps.update(promisedId, { version: 1, updatedAt: '2026-12-01T00:00:00.000Z' });
    await applyPushResults(db, [{ mutationId: again!.id, status: 'rejected', code: 'conflict', reason: 'x' }]);
    await dismissRejected(db, again!.id);
    expect(await db.followUps.get(promisedId)).toMatchObject({ version: 1 });
  });
});

describe('visits in the replica', () => {
  it('plan → report writes the visit on the timeline, the needs and the thank-you / proposal rows; the brief shows what is open', async () => {
    const { db, customer, contact } = await world();
    await db.timeline.add(timelineItem(customer.id, { kind: 'email', summary: '报价', occurredAt: '2026-02-01T00:00:00.000Z' }));
    await logServiceItem(db, { customerId: customer.id, type: 'complaint', channel: 'email', summary: '交期', receivedAt: new Date().toISOString() });
    const id = await planVisit(db, { customerId: customer.id, contactIds: [contact.id], plannedAt: new Date().toISOString(), purpose: '年度拜访', expectedResult: '续约' });
    const brief = await visitBriefOf(db, customer.id);
    expect(brief.recent.map((t) => t.summary)).toEqual(['报价']);
    expect(brief.openService.map((s) => s.summary)).toEqual(['交期']);

    const heldAt = new Date(Date.now() - 3_600_000).toISOString();
    await changeVisit(db, id, {
      kind: 'visit.report',
      payload: { heldAt, outcome: '同意续约', needs: '更短交期', feedback: '服务好', feedbackTag: 'praise', firstMeeting: true, reportedAt: new Date().toISOString() },
    });
    const [view] = await visitsOf(db, customer.id);
    expect(view!.visit).toMatchObject({ status: 'held', firstMeeting: true, report: { outcome: '同意续约', reportedByUserId: ME } });
    expect(view!.followUps.map((f) => f.purpose).sort()).toEqual(['visit_proposal', 'visit_thank_you']);
    expect(await db.timeline.get(await visitTimelineItemId(id))).toMatchObject({ kind: 'visit', occurredAt: heldAt });
    expect((await db.customers.get(customer.id))!.needs).toMatchObject({ lastNeed: '更短交期', lastFeedback: '服务好', lastNeedAt: heldAt });
    expect(await refusedCodes(changeVisit(db, id, { kind: 'visit.cancel', payload: {} }))).toEqual(['already_reported']);
    // A rep cannot review; the queue lists the report for a manager.
    expect(await refusedCodes(changeVisit(db, id, { kind: 'visit.review', payload: { comment: '好', reviewedAt: new Date().toISOString() } }))).toEqual(['review_forbidden']);
    expect((await reviewQueueOf(db)).map((e) => [e.customerName, e.ownerName])).toEqual([['宝钢股份', 'Mia']]);
    await db.members.update(ME, { role: 'manager' });
    await changeVisit(db, id, { kind: 'visit.review', payload: { comment: '好', reviewedAt: new Date().toISOString() } });
    expect(await reviewQueueOf(db)).toEqual([]);
  });

  it('a refused report, dismissed, removes its timeline item and follow-ups and restores the needs', async () => {
    const { db, customer, contact } = await world();
    const id = await planVisit(db, { customerId: customer.id, contactIds: [contact.id], plannedAt: new Date().toISOString(), purpose: 'p', expectedResult: 'r' });
    await applyPushResults(db, [{ mutationId: (await db.outbox.toArray())[0]!.id, status: 'applied' }]);
    await changeVisit(db, id, { kind: 'visit.report', payload: { heldAt: new Date().toISOString(), outcome: 'o', needs: 'n', firstMeeting: false, reportedAt: new Date().toISOString() } });
    const [entry] = await db.outbox.toArray();
    await applyPushResults(db, [{ mutationId: entry!.id, status: 'rejected', code: 'conflict', reason: 'The visit was cancelled.' }]);
    await dismissRejected(db, entry!.id);
    expect(await db.timeline.count()).toBe(0);
    expect(await db.followUps.count()).toBe(0);
    expect((await db.customers.get(customer.id))!.needs.lastNeed).toBeNull();
    expect((await db.visits.get(id))!.status).toBe('planned');
  });

  it('a refused plan, dismissed, takes the planned visit away', async () => {
    const { db, customer, contact } = await world();
    const id = await planVisit(db, { customerId: customer.id, contactIds: [contact.id], plannedAt: new Date().toISOString(), purpose: '拜访', expectedResult: 'r' });
    const [entry] = await db.outbox.toArray();
    await applyPushResults(db, [{ mutationId: entry!.id, status: 'rejected', code: 'forbidden', reason: 'read only' }]);
    await dismissRejected(db, entry!.id);
    expect(await db.visits.get(id)).toBeUndefined();
    expect(await visitsOf(db, customer.id)).toEqual([]);
  });
});

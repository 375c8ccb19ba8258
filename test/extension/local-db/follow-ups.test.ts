import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import type { FollowUp } from '../../../shared/schemas/follow-up';
import { DEFAULT_ORG_SETTINGS } from '../../../shared/schemas/org-settings';
import { planReminderAlarms } from '../../../extension/background/reminder-plan';
import { dismissRejected } from '../../../extension/local-db/mutations/dismiss-rejected';
import { completeFollowUp, reopenFollowUp, updateFollowUp } from '../../../extension/local-db/mutations/change-follow-up';
import { createFollowUp } from '../../../extension/local-db/mutations/create-follow-up';
import { logInteraction } from '../../../extension/local-db/mutations/log-interaction';
import { updateOrgSettings } from '../../../extension/local-db/mutations/update-org-settings';
import { boardEntries } from '../../../extension/local-db/queries/board';
import { dueFrom, followUpsOf, overdueCount } from '../../../extension/local-db/queries/follow-ups';
import { orgSettingsOf } from '../../../extension/local-db/queries/org-settings';
import { timelineOf } from '../../../extension/local-db/queries/timeline';
import { applyPushResults } from '../../../extension/local-db/sync-store';
import { ME, signIn } from '../sidebar/render-sidebar';
import { followUpRow } from '../../support/follow-up-rows';
import { freshDb, localContact, localCustomer } from './helpers';

const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

async function world() {
  const db = freshDb();
  await signIn(db);
  const customer = localCustomer({ name: '宝钢股份' });
  const contact = localContact(customer.id, { name: '王芳' });
  await db.customers.add(customer);
  await db.contacts.add(contact);
  return { db, customer, contact };
}

const ruleMade = (customerId: string, over: Partial<FollowUp>) => followUpRow(customerId, ME.userId, { dueAt: hoursFromNow(-1), ...over });

describe('follow-ups in the local replica', () => {
  it('creates one in UTC with its outbox entry, owned by the signed-in user by default', async () => {
    const { db, customer, contact } = await world();
    const id = await createFollowUp(db, {
      customerId: customer.id,
      contactId: contact.id,
      dueAt: '2030-03-04T09:00:00+08:00',
      reason: ' 确认报价 ',
      replyWatch: { threadRef: 'gmail:18f3', afterMessageId: 'm1' },
    });
    const row = await db.followUps.get(id);
    expect(row).toMatchObject({ dueAt: '2030-03-04T01:00:00.000Z', reason: '确认报价', ownerUserId: ME.userId, purpose: 'no_reply', source: 'email_reply', status: 'open' });
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ entity: 'followUp', entityId: id, mutation: { kind: 'followUp.create', payload: { id, dueAt: '2030-03-04T01:00:00.000Z' } } });
  });

  it('refuses a due time in the past unless confirmed as overdue, and an empty reason; nothing is written', async () => {
    const { db, customer } = await world();
    const past = { customerId: customer.id, dueAt: hoursFromNow(-2), reason: 'Call back' };
    await expect(createFollowUp(db, past)).rejects.toThrow(ZodError);
    await expect(createFollowUp(db, { ...past, dueAt: hoursFromNow(2), reason: '  ' })).rejects.toThrow(ZodError);
    expect(await db.followUps.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    const id = await createFollowUp(db, { ...past, allowOverdue: true });
    expect(await overdueCount(db, ME.userId, new Date())).toBe(1);
    expect((await db.followUps.get(id))?.status).toBe('open');
  });

  it('completes with a rating, reopens, reschedules; a refused change, dismissed, restores the row', async () => {
    const { db, customer } = await world();
    const id = await createFollowUp(db, { customerId: customer.id, dueAt: hoursFromNow(5), reason: '回访' });
    await completeFollowUp(db, id, { status: 'done', outcome: '满意', satisfaction: 5 });
    expect(await db.followUps.get(id)).toMatchObject({ status: 'done', closedBy: 'user', outcome: '满意', satisfaction: 5, completedByUserId: ME.userId });
    await expect(completeFollowUp(db, id, { status: 'skipped', satisfaction: 3 })).rejects.toThrow(ZodError);
    await reopenFollowUp(db, id);
    await expect(updateFollowUp(db, id, { dueAt: hoursFromNow(-3) })).rejects.toThrow(ZodError);
    await updateFollowUp(db, id, { dueAt: '2031-01-01T08:00:00+08:00' });
    expect(await db.followUps.get(id)).toMatchObject({ status: 'open', dueAt: '2031-01-01T00:00:00.000Z', satisfaction: null });
    const kinds = (await db.outbox.toArray()).map((e) => e.mutation.kind);
    expect(kinds).toEqual(['followUp.create', 'followUp.complete', 'followUp.reopen', 'followUp.update']);

    const entries = await db.outbox.toArray();
    const update = entries.at(-1)!;
    await applyPushResults(db, [
      ...entries.slice(0, -1).map((e) => ({ mutationId: e.id, status: 'applied' as const })),
      { mutationId: update.id, status: 'rejected', code: 'invalid', reason: 'no' },
    ]);
    await dismissRejected(db, update.id);
    expect((await db.followUps.get(id))?.dueAt).not.toBe('2031-01-01T00:00:00.000Z');
  });

  it('a logged call ends the open touch cadence follow-up, a visit the visit one too; not the others', async () => {
    const { db, customer } = await world();
    const touch = ruleMade(customer.id, { purpose: 'cadence_touch' });
    const visit = ruleMade(customer.id, { purpose: 'cadence_visit' });
    const manual = ruleMade(customer.id, { purpose: 'general', source: 'manual', reason: 'x' });
    await db.followUps.bulkAdd([touch, visit, manual]);
    await logInteraction(db, { customerId: customer.id, kind: 'call', occurredAt: hoursFromNow(-1), summary: '电话沟通' });
    expect((await db.followUps.get(touch.id))?.closedBy).toBe('touch');
    expect((await db.followUps.get(visit.id))?.status).toBe('open');
    await logInteraction(db, { customerId: customer.id, kind: 'visit', occurredAt: hoursFromNow(-1), summary: '拜访' });
    expect((await db.followUps.get(visit.id))?.closedBy).toBe('touch');
    expect((await db.followUps.get(manual.id))?.status).toBe('open');
    await expect(logInteraction(db, { customerId: customer.id, kind: 'call', occurredAt: hoursFromNow(5), summary: 'future' })).rejects.toThrow(ZodError);
    const kinds = (await timelineOf(db, customer.id)).map((e) => e.kind).sort();
    expect(kinds).toEqual(['call', 'follow_up', 'follow_up', 'follow_up', 'visit']);
  });

  it('a refused touch, dismissed, reopens the cadence follow-ups it had ended here', async () => {
    const { db, customer } = await world();
    const touch = ruleMade(customer.id, { purpose: 'cadence_touch' });
    await db.followUps.add(touch);
    await logInteraction(db, { customerId: customer.id, kind: 'call', occurredAt: hoursFromNow(-1), summary: '电话沟通' });
    expect((await db.followUps.get(touch.id))?.status).not.toBe('open');
    const [entry] = await db.outbox.toArray();
    await applyPushResults(db, [{ mutationId: entry!.id, status: 'rejected', code: 'forbidden', reason: 'read only' }]);
    await dismissRejected(db, entry!.id);
    expect(await db.followUps.get(touch.id)).toEqual(touch);
    expect((await timelineOf(db, customer.id)).map((e) => e.kind)).toEqual(['follow_up']);
  });

  it('boards, badge and reminders read one owner’s open follow-ups by due time', async () => {
    const { db, customer, contact } = await world();
    const other = uuidv7();
    const rows = [
      ruleMade(customer.id, { dueAt: hoursFromNow(-5) }),
      ruleMade(customer.id, { dueAt: hoursFromNow(3), contactId: contact.id, purpose: 'care_birthday', occasion: { kind: 'birthday', name: null, date: '2030-01-01' } }),
      ruleMade(customer.id, { dueAt: hoursFromNow(30) }),
      ruleMade(customer.id, { dueAt: hoursFromNow(-2), status: 'done' }),
      ruleMade(customer.id, { dueAt: hoursFromNow(-2), ownerUserId: other }),
      ruleMade(uuidv7(), { dueAt: hoursFromNow(-2) }),
    ];
    await db.followUps.bulkAdd(rows);
    // The last one's customer is not in the replica (deleted): overdue on the badge, off the boards.
    expect(await overdueCount(db, ME.userId, new Date())).toBe(2);
    const board = await boardEntries(db);
    expect(board.map((e) => e.id)).toEqual([rows[0]!.id, rows[1]!.id, rows[2]!.id]);
    expect(board[1]).toMatchObject({ customerName: '宝钢股份', contactName: '王芳' });
    expect((await dueFrom(db, ME.userId, new Date(), 1)).map((f) => f.id)).toEqual([rows[1]!.id]);
    expect((await followUpsOf(db, customer.id)).map((f) => f.status)).toEqual(['open', 'open', 'open', 'open', 'done']);
  });

  it('plans exactly one alarm per upcoming reminder, keeping those already right', () => {
    const a = { id: 'a', dueAt: '2030-01-01T01:00:00.000Z' };
    const b = { id: 'b', dueAt: '2030-01-02T01:00:00.000Z' };
    const plan = planReminderAlarms(
      [
        { name: 'inbox-crm-reminder:a', scheduledTime: Date.parse(a.dueAt) },
        { name: 'inbox-crm-reminder:b', scheduledTime: Date.parse('2029-12-31T01:00:00Z') },
        { name: 'inbox-crm-reminder:gone', scheduledTime: 1 },
        { name: 'inbox-crm-sync', scheduledTime: 1 },
      ],
      [a, b],
    );
    expect(plan).toEqual({ clear: ['inbox-crm-reminder:b', 'inbox-crm-reminder:gone'], create: [{ name: 'inbox-crm-reminder:b', when: Date.parse(b.dueAt) }] });
  });

  it('organisation settings: defaults until changed; an edit replaces whole groups; a refused one restores the defaults', async () => {
    const { db } = await world();
    expect(await orgSettingsOf(db)).toEqual(DEFAULT_ORG_SETTINGS);
    await updateOrgSettings(db, { reminderHour: 8, timeZone: 'Europe/Berlin' });
    expect(await orgSettingsOf(db)).toMatchObject({ reminderHour: 8, timeZone: 'Europe/Berlin', cadences: DEFAULT_ORG_SETTINGS.cadences });
    await expect(updateOrgSettings(db, { reminderHour: 25 })).rejects.toThrow(ZodError);
    const [entry] = await db.outbox.toArray();
    await applyPushResults(db, [{ mutationId: entry!.id, status: 'rejected', code: 'forbidden', reason: 'admins only' }]);
    await dismissRejected(db, entry!.id);
    expect(await orgSettingsOf(db)).toEqual(DEFAULT_ORG_SETTINGS);
  });
});

// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { FollowUp } from '../../../shared/schemas/follow-up';
import { translate } from '../../../extension/i18n';
import { NoThread } from '../../../extension/sidebar/components/states';
import { ConversationView } from '../../../extension/sidebar/components/conversation-view';
import { suggestedGreeting } from '../../../extension/sidebar/follow-ups/phrasing';
import { followUpRow } from '../../support/follow-up-rows';
import { DEFAULT_ORG_SETTINGS } from '../../../shared/schemas/org-settings';
import { freshDb, localContact, localCustomer, timelineItem } from '../local-db/helpers';
import { $, click, ME, mount, signIn, submit, threadContext, type, waitFor } from './render-sidebar';

const OLIVIA = { email: 'olivia.park@northwind.example', name: 'Olivia Park' };
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const pad = (n: number) => String(n).padStart(2, '0');
/** A datetime-local value `hours` from now, in this process's zone (as a person types it). */
function localInput(hours: number): string {
  const d = new Date(Date.now() + hours * 3_600_000);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

async function shown() {
  const db = freshDb();
  await signIn(db);
  await db.members.put({ id: ME.userId, email: ME.email, displayName: 'Mia Chen', role: 'sales_rep', departmentId: null, active: true });
  const customer = localCustomer({ name: 'Northwind', customerClass: 'A' });
  await db.customers.add(customer);
  await db.contacts.add(localContact(customer.id, { name: 'Olivia Park', emails: [OLIVIA.email] }));
  const context = threadContext(OLIVIA);
  const { root, unmount } = mount(db, <ConversationView context={context} person={{ ...OLIVIA, role: 'from' }} />);
  cleanup = unmount;
  const panel = await waitFor(() => $(root, '[data-testid="follow-ups"]'), 'follow-ups panel');
  return { db, root, panel, customer, context };
}

describe('follow-ups in the customer view', () => {
  it('"follow up in 3 days if no reply" from the open email watches the thread from its newest message', async () => {
    const { db, panel, customer, context } = await shown();
    click($(panel, '[data-testid="add-follow-up"]'));
    const form = await waitFor(() => $(panel, '[data-testid="follow-up-form"]'), 'form');
    await type($(form, 'textarea[name="reason"]'), '催签合同');
    click($(form, '[data-testid="due-in-3"]'));
    expect(($(form, 'input[name="ifNoReply"]') as HTMLInputElement).checked).toBe(true);
    submit($(form, 'textarea[name="reason"]'));
    const item = await waitFor(() => $(panel, '[data-testid="follow-up"]'), 'the new follow-up');
    expect(item.textContent).toContain('催签合同');
    expect(item.textContent).toContain('Closes itself when the customer replies');
    const [row] = await db.followUps.toArray();
    expect(row).toMatchObject({
      customerId: customer.id,
      purpose: 'no_reply',
      replyWatch: { threadRef: `gmail:${context.threadId}`, afterMessageId: context.messages.at(-1)!.id },
    });
    // Due in three days at 09:00 local time.
    const due = new Date(row!.dueAt);
    expect([due.getHours(), due.getMinutes()]).toEqual([9, 0]);
    expect(Math.round((due.getTime() - Date.now()) / 86_400_000)).toBeGreaterThanOrEqual(2);
  });

  it('a due time in the past is refused until confirmed as overdue; then it shows overdue', async () => {
    const { db, panel } = await shown();
    click($(panel, '[data-testid="add-follow-up"]'));
    const form = await waitFor(() => $(panel, '[data-testid="follow-up-form"]'), 'form');
    await type($(form, 'textarea[name="reason"]'), 'Call back about the sample');
    await type($(form, 'input[name="dueAt"]'), localInput(-3));
    const warning = await waitFor(() => $(form, '[data-testid="past-due"]'), 'past-due warning');
    submit($(form, 'textarea[name="reason"]'));
    await waitFor(() => $(form, '[data-testid="field-error"][data-field="dueAt"]'), 'due error');
    expect(await db.followUps.count()).toBe(0);
    const confirm = $(warning, 'input[type="checkbox"]') as HTMLInputElement;
    confirm.checked = true;
    confirm.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    submit($(form, 'textarea[name="reason"]'));
    const item = await waitFor(() => $(panel, '[data-testid="follow-up"].is-overdue'), 'overdue follow-up');
    expect(item.textContent).toContain('Overdue');
  });

  it('an empty reason is named beside the field and nothing is queued', async () => {
    const { db, panel } = await shown();
    click($(panel, '[data-testid="add-follow-up"]'));
    const form = await waitFor(() => $(panel, '[data-testid="follow-up-form"]'), 'form');
    submit($(form, 'textarea[name="reason"]'));
    const error = await waitFor(() => $(form, '[data-testid="field-error"][data-field="reason"]'), 'reason error');
    expect(error.textContent).toBe('Required.');
    expect(await db.outbox.count()).toBe(0);
  });

  it('done with a rating on a return visit; logging a call ends the cadence follow-up', async () => {
    const { db, panel, customer } = await shown();
    const visit = followUpRow(customer.id, ME.userId, { dueAt: new Date(Date.now() + 3_600_000).toISOString(), purpose: 'complaint_return_visit', source: 'complaint' });
    const cadence = followUpRow(customer.id, ME.userId, { dueAt: new Date(Date.now() + 7_200_000).toISOString() });
    await db.followUps.bulkAdd([visit, cadence]);
    const item = await waitFor(() => $(panel, `[data-id="${visit.id}"]`), 'return visit');
    expect(item.textContent).toContain('Return visit: ask how the complaint was handled');
    click($(item, '[data-testid="follow-up-done"]'));
    const doneForm = await waitFor(() => $(item, '[data-testid="follow-up-done-form"]'), 'done form');
    await type($(doneForm, 'select[name="satisfaction"]'), '4');
    submit($(doneForm, 'select[name="satisfaction"]'));
    await waitFor(() => $(panel, `[data-id="${visit.id}"][data-status="done"]`), 'return visit done');
    expect(await db.followUps.get(visit.id)).toMatchObject({ status: 'done', satisfaction: 4, closedBy: 'user' });

    click($(panel, '[data-testid="log-touch"]'));
    const touch = await waitFor(() => $(panel, '[data-testid="touch-form"]'), 'touch form');
    await type($(touch, 'textarea[name="summary"]'), '电话确认交期');
    submit($(touch, 'textarea[name="summary"]'));
    await waitFor(() => $(panel, `[data-id="${cadence.id}"][data-status="done"]`), 'cadence follow-up ended');
    expect((await db.followUps.get(cadence.id))?.closedBy).toBe('touch');
  });
});

describe('boards in the no-thread state', () => {
  it('shows overdue first, then today and later buckets, phrased from the purpose', async () => {
    const db = freshDb();
    await signIn(db);
    const customer = localCustomer({ name: '宝钢股份' });
    await db.customers.add(customer);
    const row = (dueAt: string, over: Partial<FollowUp> = {}) => followUpRow(customer.id, ME.userId, { dueAt, purpose: 'cadence_visit', ...over });
    await db.followUps.bulkAdd([row(new Date(Date.now() - 3_600_000).toISOString()), row(new Date(Date.now() + 40 * 86_400_000).toISOString(), { purpose: 'general', reason: '续约' })]);
    let opened = '';
    const { root, unmount } = mount(db, <NoThread onOpenCustomer={(id) => (opened = id)} />);
    cleanup = unmount;
    const overdue = await waitFor(() => $(root, '[data-testid="board-overdue"]'), 'overdue board');
    expect(overdue.textContent).toContain('宝钢股份');
    expect(overdue.textContent).toContain('A visit is due');
    expect($(root, '[data-testid="boards"]')!.textContent).toMatch(/1 more later/);
    click($(overdue, '[data-testid="board-entry"]'));
    expect(opened).toBe(customer.id);
  });
});

describe('suggested greetings in the user language', () => {
  it('phrases a care follow-up from its occasion in English and Chinese', () => {
    const names = { customerName: '宝钢股份', contactName: '王芳' };
    expect(suggestedGreeting({ occasion: { kind: 'birthday', name: null, date: '2027-02-05' } }, names)).toBe(
      'Happy birthday, 王芳! Wishing you good health and every success in the year ahead.',
    );
    expect(translate('zh-CN', 'care.greeting.spring_festival', { customer: '宝钢股份' })).toContain('恭祝宝钢股份全体同仁');
    expect(translate('zh-CN', 'followUp.purpose.care_holiday', { occasion: '中秋节', date: '2026/09/25', name: '宝钢股份' })).toBe(
      '中秋节（2026/09/25）：向宝钢股份致以节日问候',
    );
    expect(suggestedGreeting({ occasion: null }, names)).toBeNull();
  });
});

describe('the dormant flag follows the organisation cadences', () => {
  it('a class A customer touched 5 days ago is active by default and dormant once A allows 3 days', async () => {
    const { db, root, customer } = await shown();
    await db.timeline.add(timelineItem(customer.id, { kind: 'call', occurredAt: new Date(Date.now() - 5 * 86_400_000).toISOString() }));
    await waitFor(() => $(root, '[data-testid="dormancy"][data-status="active"]'), 'active flag');
    await db.orgSettings.put({ ...DEFAULT_ORG_SETTINGS, cadences: { ...DEFAULT_ORG_SETTINGS.cadences, A: { touchDays: 3, visitDays: 60 } }, id: 'o', updatedAt: '2026-03-01T00:00:00.000Z', version: 1 });
    await waitFor(() => $(root, '[data-testid="dormancy"][data-status="dormant"]'), 'dormant flag');
  });
});

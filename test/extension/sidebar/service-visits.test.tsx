// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ConversationView } from '../../../extension/sidebar/components/conversation-view';
import { freshDb, localContact, localCustomer, timelineItem } from '../local-db/helpers';
import { $, ME, click, mount, signIn, submit, threadContext, tick, type, waitFor } from './render-sidebar';

const OLIVIA = { email: 'olivia.park@northwind.example', name: 'Olivia Park' };
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function shown() {
  const db = freshDb();
  await signIn(db);
  await db.members.put({ id: ME.userId, email: ME.email, displayName: 'Mia Chen', role: 'sales_rep', departmentId: null, active: true });
  // Mia's customer: a rep plans visits for her own (and shared) customers.
  const customer = localCustomer({ name: 'Northwind', customerClass: 'A', ownerUserId: ME.userId });
  const contact = localContact(customer.id, { name: 'Olivia Park', emails: [OLIVIA.email] });
  await db.customers.add(customer);
  await db.contacts.add(contact);
  await db.timeline.add(timelineItem(customer.id, { kind: 'email', summary: '上次报价', occurredAt: '2026-02-01T00:00:00.000Z' }));
  const context = { ...threadContext(OLIVIA), subject: '交货延迟两周', messages: [{ id: 'm-old', from: ME.email }, { id: 'm-new', from: OLIVIA.email }] };
  const { root, unmount } = mount(db, <ConversationView context={context} person={{ ...OLIVIA, role: 'from' }} />);
  cleanup = unmount;
  const panel = await waitFor(() => $(root, '[data-testid="service-panel"]'), 'service panel');
  return { db, root, panel, customer, contact };
}

const item = (root: HTMLElement) => $(root, '[data-testid="service-item"]')!;
const pending = async (db: Awaited<ReturnType<typeof shown>>['db']) => (await db.outbox.toArray()).map((e) => e.mutation.kind);

describe('service panel in the sidebar', () => {
  it('logs a complaint from the open email in one click: the subject, the thread, its newest message and the contact; the clock runs', async () => {
    const { db, root, panel, customer, contact } = await shown();
    click($(panel, '[data-testid="service-urgent"]'));
    await tick();
    click($(panel, '[data-testid="log-complaint"]'));
    const clock = await waitFor(() => $(root, '[data-testid="service-clock"]'), 'clock');
    expect(clock.dataset.state).toBe('running');
    expect(clock.textContent).toMatch(/First reply within 1 h 59 min|First reply within 2 h 0 min/);
    const [row] = await db.serviceItems.toArray();
    expect(row).toMatchObject({
      customerId: customer.id,
      contactId: contact.id,
      type: 'complaint',
      urgent: true,
      channel: 'email',
      summary: '交货延迟两周',
      threadRef: 'gmail:18f3a2b4c5d6e7f1',
      afterMessageId: 'm-new',
    });
    expect(await pending(db)).toEqual(['service.create']);
    // Logged from this email: a second click cannot log it twice by accident.
    expect($(panel, '[data-testid="log-complaint"]')).toBeNull();
    click($(panel, '[data-testid="log-another"]'));
    await waitFor(() => $(panel, '[data-testid="log-complaint"]'), 'log form again');
    // On the timeline too, as a complaint at its stage.
    await waitFor(() => $(root, '[data-testid="timeline-item"][data-kind="complaint"] [data-testid="timeline-stage"]'), 'complaint on the timeline');
  });

  it('an overdue item shows red; "we replied" stops the clock', async () => {
    const { db, root, panel } = await shown();
    click($(panel, '[data-testid="log-request"]'));
    const card = await waitFor(() => $(root, '[data-testid="service-item"]'), 'item');
    const [row] = await db.serviceItems.toArray();
    await db.serviceItems.update(row!.id, { receivedAt: '2026-01-01T00:00:00.000Z', firstReplyDueAt: '2026-01-02T00:00:00.000Z' });
    const overdue = await waitFor(() => $(root, '[data-testid="service-clock"][data-state="overdue"]'), 'overdue clock');
    expect(overdue.classList.contains('clock-overdue')).toBe(true);
    expect(overdue.getAttribute('role')).toBe('status');
    click($(card, '[data-testid="mark-replied"]'));
    await waitFor(() => $(root, '[data-testid="service-clock"][data-state="replied"]'), 'replied clock');
    expect($(root, '[data-testid="service-clock"]')!.textContent).toMatch(/late/);
  });

  it('complaint workflow: options before a promise and resolving without a result are refused beside the field, nothing queued', async () => {
    const { db, root, panel } = await shown();
    click($(panel, '[data-testid="log-complaint"]'));
    await waitFor(() => $(root, '[data-testid="step-commit"]'), 'commit step');
    // Only the legal next step is offered.
    expect($(item(root), '[data-testid="step-resolve"]')).toBeNull();

    click($(item(root), '[data-testid="step-commit"]'));
    const when = await waitFor(() => $(root, 'input[name="promisedReplyAt"]'), 'promise input');
    await type(when, '2020-01-01T09:00');
    submit(when);
    await waitFor(() => $(root, '[data-testid="past-warning"]'), 'past warning');
    expect(await pending(db)).toEqual(['service.create']);
    await type(when, '2099-01-01T09:00');
    submit(when);
    await waitFor(() => $(item(root), '[data-testid="service-stage"][data-stage="committed"]'), 'committed');

    click($(item(root), '[data-testid="step-options"]'));
    const first = await waitFor(() => $(root, 'input[name="option-1"]'), 'options form');
    await type(first, '补发');
    await type($(root, 'input[name="option-2"]'), '退货');
    submit(first);
    const optionsError = await waitFor(() => $(root, '[data-testid="field-error"][data-field="options"]'), 'options error');
    expect(optionsError.textContent).toBe('Prepare 3 to 4 options (2 given).');
    await type($(root, 'input[name="option-3"]'), '折扣 5%');
    click($(root, '[data-testid="options-form"] input[type="radio"]'));
    await tick();
    submit(first);
    await waitFor(() => $(item(root), '[data-testid="service-stage"][data-stage="options"]'), 'options stage');

    click($(item(root), '[data-testid="step-resolve"]'));
    const reply = await waitFor(() => $(root, 'textarea[name="reply"]'), 'resolve form');
    await type(reply, '已电话说明补发安排');
    submit(reply);
    const error = await waitFor(() => $(root, '[data-testid="field-error"][data-field="result"]'), 'result error');
    expect(error.textContent).toBe('Record the result: what was done.');
    expect(await pending(db)).toEqual(['service.create', 'service.commit', 'service.options']);

    await type($(root, 'textarea[name="result"]'), '补发 200 件，已签收');
    submit(reply);
    await waitFor(() => $(item(root), '[data-testid="service-stage"][data-stage="return_visit"]'), 'return visits');
    expect($(item(root), '[data-testid="return-visits"]')!.dataset.open).toBe('2');
    click($(item(root), '[data-testid="step-close"]'));
    const closeError = await waitFor(() => $(item(root), '[data-testid="field-error"][data-field="form"]'), 'close refused');
    expect(closeError.textContent).toMatch(/^2 return visit\(s\) still open/);
  });

  it('edits the summary and turns a received request into a complaint; the owner stays', async () => {
    const { db, root, panel } = await shown();
    click($(panel, '[data-testid="log-request"]'));
    click(await waitFor(() => $(root, '[data-testid="edit-service"]'), 'edit'));
    const summary = await waitFor(() => $(root, '[data-testid="service-edit-form"] input[name="summary"]'), 'edit form');
    await type(summary, '交货延迟（已核实）');
    await type($(root, '[data-testid="service-edit-form"] select[name="type"]'), 'complaint');
    submit(summary);
    await waitFor(() => $(root, '[data-testid="service-item"][data-type="complaint"]'), 'now a complaint');
    const [, edit] = await db.outbox.orderBy('id').toArray();
    expect(edit!.mutation).toMatchObject({ kind: 'service.update', payload: { patch: { summary: '交货延迟（已核实）', type: 'complaint' } } });
    expect(Object.keys((edit!.mutation.payload as { patch: object }).patch).sort()).toEqual(['summary', 'type']);
  });
});

describe('visits in the sidebar', () => {
  it('plans a visit, shows the brief, reports it: thank-you and proposal follow-ups, the visit on the timeline', async () => {
    const { db, root } = await shown();
    const panel = await waitFor(() => $(root, '[data-testid="visit-panel"]'), 'visit panel');
    click($(panel, '[data-testid="plan-visit"]'));
    const when = await waitFor(() => $(panel, 'input[name="plannedAt"]'), 'plan form');
    await type(when, '2099-03-01T10:00');
    submit(when);
    // Whom to meet, the purpose and the expected result are required.
    await waitFor(() => $(panel, '[data-testid="field-error"][data-field="contactIds"]'), 'whom error');
    expect($(panel, '[data-testid="field-error"][data-field="purpose"]')).not.toBeNull();
    expect(await db.visits.count()).toBe(0);
    await waitFor(() => $(panel, 'input[name="contactIds"]'), 'contact choice');
    click($(panel, 'input[name="contactIds"]'));
    await tick();
    await type($(panel, 'textarea[name="purpose"]'), '年度拜访');
    await type($(panel, 'textarea[name="expectedResult"]'), '确认框架协议');
    submit(when);
    await waitFor(() => $(panel, '[data-testid="visit-item"][data-status="planned"]'), 'planned visit');
    const visit = (await db.visits.toArray())[0]!;
    // The brief shows only shortly before the visit: move it close.
    await db.visits.update(visit.id, { plannedAt: new Date(Date.now() + 3_600_000).toISOString() });
    const brief = await waitFor(() => $(panel, '[data-testid="visit-brief"]'), 'brief');
    expect($(brief, '[data-testid="brief-recent"]')!.textContent).toContain('上次报价');

    click($(panel, '[data-testid="report-visit"]'));
    const outcome = await waitFor(() => $(panel, 'textarea[name="outcome"]'), 'report form');
    // Nothing on the timeline says we met before: suggested as a first meeting.
    await waitFor(() => ($(panel, '[data-testid="first-meeting"]') as HTMLInputElement).checked, 'first meeting suggested');
    await type($(panel, 'input[name="heldAt"]'), '2026-03-01T10:00');
    await type(outcome, '同意试用');
    await type($(panel, 'textarea[name="needs"]'), '交期两周');
    submit(outcome);
    await waitFor(() => $(panel, '[data-testid="visit-item"][data-status="held"]'), 'held visit');
    await waitFor(() => $(panel, '[data-testid="visit-follow-ups"] [data-purpose="visit_proposal"]'), 'proposal follow-up');
    expect($(panel, '[data-testid="visit-follow-ups"] [data-purpose="visit_thank_you"]')).not.toBeNull();
    expect($(panel, '[data-testid="visit-review"]')!.dataset.reviewed).toBe('false');
    await waitFor(() => $(root, '[data-testid="timeline-item"][data-kind="visit"]'), 'visit on the timeline');
    expect(await pending(db)).toEqual(['visit.plan', 'visit.report']);
  });

  it('the timeline filters by kind', async () => {
    const { root, panel } = await shown();
    click($(panel, '[data-testid="log-request"]'));
    const filter = await waitFor(() => $(root, '[data-testid="timeline-filter"]'), 'filter');
    click($(filter, 'button[data-kind="complaint"]'));
    await waitFor(() => root.querySelectorAll('[data-testid="timeline-item"]').length === 1, 'only service');
    expect($(root, '[data-testid="timeline-item"]')!.dataset.kind).toBe('complaint');
    click($(filter, 'button:not([data-kind])'));
    await waitFor(() => root.querySelectorAll('[data-testid="timeline-item"]').length === 2, 'all again');
  });
});

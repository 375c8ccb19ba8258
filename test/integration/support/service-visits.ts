import type { Actor } from './actors';
import { newId } from './ids';
import { m, mutation, type PayloadOf } from './mutations';

/** Service and visit mutations as the extension's outbox sends them. */
export const sv = {
  create: (customerId: string, ownerUserId: string, extra: Partial<PayloadOf<'service.create'>> = {}) =>
    mutation('service.create', {
      id: newId(),
      customerId,
      ownerUserId,
      type: 'complaint',
      channel: 'email',
      summary: '交货延迟两周，客户要求说明',
      receivedAt: '2026-03-03T02:00:00.000Z',
      ...extra,
    }),
  update: (id: string, patch: PayloadOf<'service.update'>['patch']) => mutation('service.update', { id, patch }),
  firstReply: (id: string, repliedAt: string) => mutation('service.firstReply', { id, repliedAt }),
  commit: (id: string, promisedReplyAt: string) => mutation('service.commit', { id, promisedReplyAt }),
  options: (id: string, texts: string[], chosen: number | null = null) =>
    mutation('service.options', {
      id,
      options: texts.map((text, i) => ({ id: `o${i + 1}`, text })),
      chosenOptionId: chosen === null ? null : `o${chosen}`,
    }),
  resolve: (id: string, reply: string, result: string, extra: Partial<PayloadOf<'service.resolve'>> = {}) =>
    mutation('service.resolve', { id, reply, result, resolvedAt: '2026-03-05T15:30:00.000Z', ...extra }),
  close: (id: string) => mutation('service.close', { id, closedAt: '2026-03-20T02:00:00.000Z' }),
  plan: (customerId: string, ownerUserId: string, contactIds: string[], extra: Partial<PayloadOf<'visit.plan'>> = {}) =>
    mutation('visit.plan', {
      id: newId(),
      customerId,
      ownerUserId,
      contactIds,
      plannedAt: '2026-03-03T06:00:00.000Z',
      purpose: '拜访总经理，了解明年采购计划',
      expectedResult: '确认年度框架协议',
      ...extra,
    }),
  updateVisit: (id: string, patch: PayloadOf<'visit.update'>['patch']) => mutation('visit.update', { id, patch }),
  cancel: (id: string) => mutation('visit.cancel', { id }),
  report: (id: string, extra: Partial<PayloadOf<'visit.report'>> = {}) =>
    mutation('visit.report', {
      id,
      heldAt: '2026-03-03T08:30:00.000Z',
      outcome: '同意试用新规格',
      needs: '交期缩短到两周',
      feedback: '对上次交货很满意',
      feedbackTag: 'praise',
      satisfaction: 5,
      firstMeeting: true,
      reportedAt: '2026-03-03T10:00:00.000Z',
      ...extra,
    }),
  review: (id: string, comment: string) => mutation('visit.review', { id, comment, reviewedAt: '2026-03-04T02:00:00.000Z' }),
};

/** A customer with one contact, made through the API (`extra`: e.g. its owner). */
export async function customerWithContact(actor: Actor, name = '宝钢股份', extra: Parameters<typeof m.createCustomer>[1] = {}) {
  const customer = m.createCustomer(name, { emailDomains: ['baosteel.example'], ...extra });
  const contact = m.createContact(customer.payload.id, '王经理', ['wang@baosteel.example']);
  const out = await (await actor.api()).sync.push({ mutations: [customer, contact] });
  if (out.results.some((r) => r.status !== 'applied')) throw new Error(`setup failed: ${JSON.stringify(out.results)}`);
  return { customerId: customer.payload.id, contactId: contact.payload.id };
}

import { describe, expect, it } from 'vitest';
import { closeWhenCustomerReplies } from '../../../extension/background/thread-rules/customer-replied';
import { createFollowUp } from '../../../extension/local-db/mutations/create-follow-up';
import { freshDb, localContact, localCustomer } from '../local-db/helpers';
import { ME, signIn, threadContext } from '../sidebar/render-sidebar';

const OLIVIA = { email: 'olivia.park@northwind.example', name: 'Olivia Park' };

async function watching() {
  const db = freshDb();
  await signIn(db);
  await db.members.put({ id: ME.userId, email: ME.email, displayName: 'Mia Chen', role: 'sales_rep', departmentId: null, active: true });
  const customer = localCustomer({ name: 'Northwind', emailDomains: ['northwind.example'] });
  await db.customers.add(customer);
  await db.contacts.add(localContact(customer.id, { emails: [OLIVIA.email] }));
  const context = threadContext(OLIVIA);
  const id = await createFollowUp(db, {
    customerId: customer.id,
    dueAt: new Date(Date.now() + 86_400_000).toISOString(),
    reason: 'Chase the signed order',
    replyWatch: { threadRef: `gmail:${context.threadId}`, afterMessageId: context.messages.at(-1)!.id },
  });
  return { db, context, id };
}

describe('"no reply" closing rule in the background (extension side)', () => {
  it('leaves the follow-up open for our own reply and for a stranger on the thread', async () => {
    const { db, context, id } = await watching();
    const withOurs = { ...context, messages: [...context.messages, { id: 'm2', from: ME.email }, { id: 'm3', from: 'friend@gmail.com' }] };
    expect(await closeWhenCustomerReplies(db, withOurs)).toBe(false);
    expect(await closeWhenCustomerReplies(db, context)).toBe(false);
    expect((await db.followUps.get(id))?.status).toBe('open');
  });

  it('closes it when a new message comes from the customer side, once, with an outbox entry', async () => {
    const { db, context, id } = await watching();
    const replied = { ...context, messages: [...context.messages, { id: 'm2', from: ME.email }, { id: 'm4', from: 'buyer@northwind.example' }] };
    expect(await closeWhenCustomerReplies(db, replied)).toBe(true);
    expect(await db.followUps.get(id)).toMatchObject({ status: 'done', closedBy: 'customer_reply' });
    expect(await closeWhenCustomerReplies(db, replied)).toBe(false);
    const entries = (await db.outbox.toArray()).map((e) => e.mutation);
    expect(entries.at(-1)).toMatchObject({ kind: 'followUp.customerReplied', payload: { id, messageId: 'm4' } });
    expect(entries).toHaveLength(2);
  });
});

import { describe, expect, it } from 'vitest';
import { serviceFirstReply } from '../../../extension/background/thread-rules/service-first-reply';
import { runThreadRules, threadRules } from '../../../extension/background/thread-rules/index';
import { setMeta } from '../../../extension/local-db/meta';
import { logServiceItem } from '../../../extension/local-db/mutations/service-items';
import { applyPushResults } from '../../../extension/local-db/sync-store';
import { threadContext, ME } from '../sidebar/render-sidebar';
import { freshDb, localCustomer } from '../local-db/helpers';

const OLIVIA = { email: 'olivia.park@northwind.example', name: 'Olivia Park' };

async function logged(afterMessageId: string | null) {
  const db = freshDb();
  await setMeta(db, 'session', { ...ME, displayName: 'Mia', organisationId: 'o', organisationName: 'Our Co' });
  const customer = localCustomer({ emailDomains: ['northwind.example'] });
  await db.customers.add(customer);
  const id = await logServiceItem(db, {
    customerId: customer.id,
    type: 'complaint',
    channel: 'email',
    summary: 'Late delivery',
    receivedAt: new Date().toISOString(),
    threadRef: 'gmail:18f3a2b4c5d6e7f1',
    afterMessageId,
  });
  await applyPushResults(db, [{ mutationId: (await db.outbox.toArray())[0]!.id, status: 'applied' }]);
  return { db, id };
}

const context = (messages: { id: string; from: string }[]) => ({ ...threadContext(OLIVIA), messages });

describe('thread rule: we replied in the thread → the first reply of the item logged from it', () => {
  it('first-reply thread rule: our message after the logged one stops the clock once, as a synced local change', async () => {
    const { db, id } = await logged('m1');
    expect(threadRules).toContain(serviceFirstReply);
    const page = context([
      { id: 'm1', from: OLIVIA.email },
      { id: 'm2', from: 'someone@elsewhere.example' },
      { id: 'm3', from: ME.email },
    ]);
    expect(await runThreadRules(db, page)).toBe(true);
    expect((await db.serviceItems.get(id))!.firstReplyAt).not.toBeNull();
    const [entry] = await db.outbox.toArray();
    expect(entry!.mutation).toMatchObject({ kind: 'service.firstReply', payload: { id, messageId: 'm3' } });
    // Seen again (every context update runs the rules): nothing more to do.
    expect(await serviceFirstReply(db, page)).toBe(false);
    expect(await db.outbox.count()).toBe(1);
  });

  it('first-reply thread rule: only our side, only after the logged message, only when that message is on the page', async () => {
    const { db, id } = await logged('m2');
    const cases = [
      context([{ id: 'm1', from: ME.email }, { id: 'm2', from: OLIVIA.email }]),
      context([{ id: 'm2', from: OLIVIA.email }, { id: 'm3', from: 'olivia.park+x@northwind.example' }, { id: 'm4', from: 'buyer@gmail.com' }]),
      context([{ id: 'm9', from: ME.email }]),
      { ...context([{ id: 'm2', from: OLIVIA.email }, { id: 'm3', from: ME.email }]), threadId: 'ffffffffffffffff' },
    ];
    for (const page of cases) expect(await serviceFirstReply(db, page)).toBe(false);
    expect((await db.serviceItems.get(id))!.firstReplyAt).toBeNull();
    expect(await db.outbox.count()).toBe(0);
  });
});

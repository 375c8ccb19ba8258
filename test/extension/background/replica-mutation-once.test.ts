import { describe, expect, it } from 'vitest';
import { runReplicaMutation } from '../../../extension/background/replica-service';
import { setMeta } from '../../../extension/local-db/meta';
import { runtimeRequestSchema } from '../../../extension/messaging/protocol';
import { freshDb, localCustomer } from '../local-db/helpers';

// The sidebar without IndexedDB makes its changes through the background (replica-mutate). A
// change that is saved must be answered as saved: an error after the write makes the person try
// again, and the server then gets the change twice (found by the 1,000-offline-changes fault suite).
describe('a change through the background fallback is written once and answered as saved', () => {
  it('log-interaction writes one interaction.log entry and nothing else', async () => {
    const db = freshDb();
    await setMeta(db, 'session', { userId: '01936b2e-7c4a-7d1e-9b5f-2a3c4d5e6f71', email: 'me@ourco.example', displayName: 'Mia', organisationId: 'o', organisationName: 'Our Co' });
    const customer = localCustomer();
    await db.customers.add(customer);
    const request = {
      mutation: 'log-interaction',
      input: { customerId: customer.id, kind: 'call', occurredAt: new Date(Date.now() - 60_000).toISOString(), summary: '电话沟通：确认报价' },
    };
    expect(runtimeRequestSchema.safeParse({ type: 'replica-mutate', request }).success).toBe(true);

    await expect(runReplicaMutation(db, request as never)).resolves.toBeUndefined();

    const outbox = await db.outbox.toArray();
    expect(outbox.map((e) => e.mutation.kind)).toEqual(['interaction.log']);
    expect(await db.serviceItems.count()).toBe(0);
    expect((await db.timeline.toArray()).map((t) => [t.kind, t.summary])).toEqual([['call', '电话沟通：确认报价']]);
  });
});

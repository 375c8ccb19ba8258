import { describe, expect, it } from 'vitest';
import { runReplicaMutation } from '../../../extension/background/replica-service';
import { setMeta } from '../../../extension/local-db/meta';
import { runtimeRequestSchema } from '../../../extension/messaging/protocol';
import { freshDb, localCustomer } from '../local-db/helpers';

// A touch logged through the background (the sidebar without IndexedDB) is a touch and nothing
// else: it once fell through to the next case of the switch and also tried to log a service item.
describe('logging a touch through the background fallback', () => {
  it('writes one timeline item and one outbox entry, and no service item', async () => {
    const db = freshDb();
    await setMeta(db, 'session', { userId: '01936b2e-7c4a-7d1e-9b5f-2a3c4d5e6f71', email: 'me@ourco.example', displayName: 'Mia', organisationId: 'o', organisationName: 'Our Co' });
    const customer = localCustomer();
    await db.customers.add(customer);
    const log = { mutation: 'log-interaction', input: { customerId: customer.id, kind: 'call', occurredAt: new Date(Date.now() - 60_000).toISOString(), summary: '电话确认交期' } };
    expect(runtimeRequestSchema.safeParse({ type: 'replica-mutate', request: log }).success).toBe(true);

    await runReplicaMutation(db, log as never);

    expect((await db.timeline.where('customerId').equals(customer.id).toArray()).map((i) => i.kind)).toEqual(['call']);
    expect(await db.serviceItems.count()).toBe(0);
    expect((await db.outbox.toArray()).map((e) => e.mutation.kind)).toEqual(['interaction.log']);
  });
});

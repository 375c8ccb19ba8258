import { describe, expect, it } from 'vitest';
import { answerReplicaQuery, runReplicaMutation } from '../../../extension/background/replica-service';
import { setMeta } from '../../../extension/local-db/meta';
import { RuleRefusal } from '../../../extension/local-db/mutations/rule-refusal';
import type { ServiceItemView } from '../../../extension/local-db/queries/service-items';
import { runtimeRequestSchema } from '../../../extension/messaging/protocol';
import { freshDb, localCustomer } from '../local-db/helpers';

// The sidebar without IndexedDB asks the background (remote-data): the same local mutations and
// queries run there, and a rule's refusal comes back as what is needed, not as a bare failure.
describe('service and visits through the background fallback', () => {
  it('logs and changes an item, answers the panel query, and hands back a rule refusal', async () => {
    const db = freshDb();
    await setMeta(db, 'session', { userId: '01936b2e-7c4a-7d1e-9b5f-2a3c4d5e6f71', email: 'me@ourco.example', displayName: 'Mia', organisationId: 'o', organisationName: 'Our Co' });
    const customer = localCustomer();
    await db.customers.add(customer);
    const log = { mutation: 'log-service-item', input: { customerId: customer.id, type: 'request', channel: 'phone', summary: '询价', receivedAt: new Date().toISOString() } };
    expect(runtimeRequestSchema.safeParse({ type: 'replica-mutate', request: log }).success).toBe(true);
    await runReplicaMutation(db, log as never);
    const [view] = (await answerReplicaQuery(db, { query: 'service-items', customerId: customer.id })) as ServiceItemView[];
    expect(view!.item).toMatchObject({ type: 'request', stage: 'received', summary: '询价' });

    const resolve = { mutation: 'change-service-item', id: view!.item.id, change: { kind: 'service.resolve', payload: { reply: '已报价', result: '', resolvedAt: new Date().toISOString() } } } as const;
    expect(runtimeRequestSchema.safeParse({ type: 'replica-mutate', request: resolve }).success).toBe(true);
    const refused = await runReplicaMutation(db, resolve as never).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RuleRefusal);
    expect((refused as RuleRefusal).problems.map((p) => [p.code, p.field])).toEqual([['result_required', 'result']]);
    expect(await db.outbox.count()).toBe(1);
  });

  it('accepts only change kinds for existing records (a create cannot pass as a change)', () => {
    const change = (kind: string) => ({ type: 'replica-mutate', request: { mutation: 'change-service-item', id: '01936b2e-7c4a-7d1e-9b5f-2a3c4d5e6f71', change: { kind, payload: {} } } });
    expect(runtimeRequestSchema.safeParse(change('service.close')).success).toBe(true);
    expect(runtimeRequestSchema.safeParse(change('service.create')).success).toBe(false);
    expect(runtimeRequestSchema.safeParse(change('visit.review')).success).toBe(false);
    const visit = { type: 'replica-mutate', request: { mutation: 'change-visit', id: '01936b2e-7c4a-7d1e-9b5f-2a3c4d5e6f71', change: { kind: 'visit.plan', payload: {} } } };
    expect(runtimeRequestSchema.safeParse(visit).success).toBe(false);
  });
});

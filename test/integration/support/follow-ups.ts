import type { TestDatabase } from './databases';
import { newId } from './ids';
import type { Actor } from './actors';
import { m, mutation, type PayloadOf } from './mutations';

/** Issue 4 mutations as the extension's outbox sends them. */
export const fu = {
  create: (customerId: string, ownerUserId: string, extra: Partial<PayloadOf<'followUp.create'>> = {}) =>
    mutation('followUp.create', {
      id: newId(),
      customerId,
      ownerUserId,
      dueAt: '2026-12-10T01:00:00.000Z',
      reason: '确认二季度报价',
      ...extra,
    }),
  update: (id: string, patch: PayloadOf<'followUp.update'>['patch']) => mutation('followUp.update', { id, patch }),
  complete: (id: string, status: 'done' | 'skipped', extra: Partial<PayloadOf<'followUp.complete'>> = {}) =>
    mutation('followUp.complete', { id, status, completedAt: '2026-12-03T02:00:00.000Z', ...extra }),
  reopen: (id: string) => mutation('followUp.reopen', { id }),
  customerReplied: (id: string, messageId = '18f3a2b4c5d6e7f9') =>
    mutation('followUp.customerReplied', { id, messageId, repliedAt: '2026-12-03T03:00:00.000Z' }),
  logTouch: (customerId: string, kind: 'call' | 'email' | 'meeting' | 'visit', occurredAt: string, summary = '电话沟通交期') =>
    mutation('interaction.log', { id: newId(), customerId, kind, occurredAt, summary }),
  settings: (patch: PayloadOf<'orgSettings.update'>) => mutation('orgSettings.update', patch),
};

/** A customer of the actor's organisation, made through the API; its id. */
export async function customerOf(actor: Actor, name: string, extra: Parameters<typeof m.createCustomer>[1] = {}): Promise<string> {
  const create = m.createCustomer(name, extra);
  const out = await (await actor.api()).sync.push({ mutations: [create] });
  if (out.results[0]?.status !== 'applied') throw new Error(`customer ${name} was not created: ${JSON.stringify(out.results[0])}`);
  return create.payload.id;
}

/** Follow-ups as stored, for assertions beyond what the pull shows (dedupe keys). */
export async function storedFollowUps(t: TestDatabase) {
  return t.db.query<{ id: string; customer_id: string; purpose: string; status: string; dedupe_key: string | null; closed_by: string | null }>(
    'SELECT id, customer_id, purpose, status, dedupe_key, closed_by FROM follow_ups ORDER BY dedupe_key, id',
  );
}

/** How many change-log entries name follow-ups (each write of one appends exactly one). */
export async function followUpLogEntries(t: TestDatabase): Promise<number> {
  const [row] = await t.db.query<{ n: unknown }>(`SELECT count(*) AS n FROM change_log WHERE entity = 'followUp'`);
  return Number(row!.n);
}

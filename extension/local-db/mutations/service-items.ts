import { v7 as uuidv7 } from 'uuid';
import { newServiceItem, planServiceChange, type ServiceItemChange } from '../../../shared/domain/service-effects';
import type { ServiceCreateInput, ServiceItem } from '../../../shared/schemas/service-item';
import type { MutationInput } from '../../../shared/schemas/sync';
import type { LocalDb } from '../db';
import { getMeta } from '../meta';
import { orgSettingsOf } from '../queries/org-settings';
import { MissingRowError } from './invalid-values';
import { outboxEntry } from './outbox-entry';
import { RuleRefusal } from './rule-refusal';
import { writeFollowUpsLocally } from './side-rows';

async function signedInUser(db: LocalDb): Promise<string> {
  const session = await getMeta(db, 'session');
  if (!session) throw new Error('signed out: sign in to record requests and complaints');
  return session.userId;
}

/** Owner defaults to whoever logs it (the one answering the customer until reassigned). */
export type LogServiceInput = Omit<ServiceCreateInput, 'id' | 'ownerUserId'> & { ownerUserId?: string };

/** A new request or complaint, its clock started from the organisation's settings, + service.create. */
export async function logServiceItem(db: LocalDb, input: LogServiceInput): Promise<string> {
  const now = new Date().toISOString();
  const userId = await signedInUser(db);
  const id = uuidv7();
  const entry = outboxEntry(
    { id: uuidv7(), kind: 'service.create', baseVersion: null, payload: { ...input, id, ownerUserId: input.ownerUserId ?? userId } },
    'serviceItem',
    id,
    now,
  );
  if (entry.mutation.kind !== 'service.create') throw new Error('unreachable');
  const row: ServiceItem = { ...newServiceItem(entry.mutation.payload, await orgSettingsOf(db), userId), createdAt: now, updatedAt: now, version: 0 };
  await db.transaction('rw', [db.customers, db.serviceItems, db.outbox], async () => {
    if (!(await db.customers.get(row.customerId))) throw new MissingRowError('customer', row.customerId);
    await db.serviceItems.add(row);
    await db.outbox.add(entry);
  });
  return id;
}

/** A change as the sidebar asks for it: the mutation's payload without the item's id. */
export type ServiceChangeInput = {
  [K in ServiceItemChange['kind']]: { kind: K; payload: Omit<Extract<MutationInput, { kind: K }>['payload'], 'id'> };
}[ServiceItemChange['kind']];

/**
 * A step or edit of an existing item, checked by the same shared rules the server runs (throws
 * RuleRefusal with what is needed), then the item, the follow-ups the rules make or move,
 * and the outbox entry, in one transaction.
 */
export async function changeServiceItem(db: LocalDb, id: string, change: ServiceChangeInput): Promise<void> {
  const now = new Date().toISOString();
  const userId = await signedInUser(db);
  const item = await db.serviceItems.get(id);
  if (!item) throw new MissingRowError('service item', id);
  const mutation = { id: uuidv7(), kind: change.kind, baseVersion: item.version, payload: { ...change.payload, id } } as MutationInput;
  const entry = outboxEntry(mutation, 'serviceItem', id, now);
  const [settings, followUps] = await Promise.all([
    orgSettingsOf(db),
    db.followUps.where('customerId').equals(item.customerId).filter((f) => f.sourceId === id).toArray(),
  ]);
  const planned = await planServiceChange(item, entry.mutation as ServiceItemChange, { userId, settings, followUps });
  if (!planned.ok) throw new RuleRefusal(planned.problems);
  // Nothing would change (a first reply already recorded earlier): nothing to send either.
  if (Object.keys(planned.effects.item).length === 0 && planned.effects.followUps.length === 0) return;
  await db.transaction('rw', [db.serviceItems, db.followUps, db.outbox], async () => {
    const current = await db.serviceItems.get(id);
    if (!current) throw new MissingRowError('service item', id);
    await db.serviceItems.put({ ...current, ...planned.effects.item, updatedAt: now });
    const sideRows = await writeFollowUpsLocally(db, planned.effects.followUps, now);
    await db.outbox.add({ ...entry, previousRow: current, sideRows });
  });
}

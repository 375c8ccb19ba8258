import { v7 as uuidv7 } from 'uuid';
import { applyCustomerPatch, type CustomerPatch } from '../../../shared/schemas/customer';
import type { LocalDb } from '../db';
import { toLocalCustomer, withoutLocalKeys } from '../local-rows';
import { checkCustomFieldValues, MissingRowError } from './invalid-values';
import { outboxEntry } from './outbox-entry';
import { searchKeysReady } from '../search/romaniser';

/**
 * A field-level edit of the customer file: the optimistic row (the patch applied exactly as the
 * server will apply it, shared applyCustomerPatch) + a customer.update entry, in one transaction.
 * The version stays: only the server bumps it. previousRow lets a refused edit be undone.
 * Invalid values throw a ZodError before anything is written.
 */
export async function updateCustomer(db: LocalDb, id: string, patch: CustomerPatch): Promise<void> {
  const now = new Date().toISOString();
  const before = await db.customers.get(id);
  if (!before) throw new MissingRowError('customer', id);
  const entry = outboxEntry(
    { id: uuidv7(), kind: 'customer.update', baseVersion: before.version, payload: { id, patch } },
    'customer',
    id,
    now,
  );
  if (entry.mutation.kind !== 'customer.update') throw new Error('unreachable');
  const parsed = entry.mutation.payload.patch;
  await checkCustomFieldValues(db, parsed.customFields);
  // Pinyin keys are computed inside the transaction, so the dictionary must be loaded before it.
  await searchKeysReady();
  await db.transaction('rw', [db.customers, db.outbox], async () => {
    // Read again inside the transaction: a pull may have changed the row since.
    const current = await db.customers.get(id);
    if (!current) throw new MissingRowError('customer', id);
    const next = applyCustomerPatch(withoutLocalKeys(current), parsed);
    await db.customers.put(toLocalCustomer({ ...next, updatedAt: now }));
    await db.outbox.add({ ...entry, previousRow: current });
  });
}

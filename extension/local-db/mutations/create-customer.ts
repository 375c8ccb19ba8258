import { v7 as uuidv7 } from 'uuid';
import { companyDomainOf } from '../../../shared/domain/customer-match';
import { normaliseEmail } from '../../../shared/domain/email';
import { getMeta } from '../meta';
import type { LocalDb } from '../db';
import { toLocalContact, toLocalCustomer } from '../local-rows';
import { searchKeysReady } from '../search/romaniser';
import { outboxEntry } from './outbox-entry';

export type CreateCustomerInput = { customerName: string; contactName: string; email: string };

/**
 * The optimistic customer + contact and their two outbox entries (customer.create, then
 * contact.create, in id order) in ONE transaction: either all four rows exist or none.
 */
export async function createCustomerFromSender(
  db: LocalDb,
  input: CreateCustomerInput,
): Promise<{ customerId: string; contactId: string }> {
  const now = new Date().toISOString();
  const email = normaliseEmail(input.email);
  // Whoever creates a customer from their mail owns it until someone reassigns it.
  const ownerUserId = (await getMeta(db, 'session'))?.userId ?? null;
  // Pinyin keys are computed synchronously below; in a page the dictionary loads on demand.
  await searchKeysReady();
  const domain = companyDomainOf(email);
  const customerId = uuidv7();
  const contactId = uuidv7();
  // Both mutation ids are made here, in order: uuid v7 is monotonic, so the push keeps the order.
  const customerEntry = outboxEntry(
    {
      id: uuidv7(),
      kind: 'customer.create',
      baseVersion: null,
      payload: {
        id: customerId,
        name: input.customerName.trim(),
        ownerUserId,
        emailDomains: domain ? [domain] : [],
      },
    },
    'customer',
    customerId,
    now,
  );
  const contactEntry = outboxEntry(
    {
      id: uuidv7(),
      kind: 'contact.create',
      baseVersion: null,
      payload: { id: contactId, customerId, name: input.contactName.trim(), emails: [email] },
    },
    'contact',
    contactId,
    now,
  );
  if (customerEntry.mutation.kind !== 'customer.create' || contactEntry.mutation.kind !== 'contact.create') {
    throw new Error('unreachable');
  }
  const c = customerEntry.mutation.payload;
  const customer = toLocalCustomer({ ...c, createdAt: now, updatedAt: now, version: 0 });
  const p = contactEntry.mutation.payload;
  const contact = toLocalContact({ ...p, emails: p.emails.map(normaliseEmail), createdAt: now, updatedAt: now, version: 0 });
  await db.transaction('rw', [db.customers, db.contacts, db.outbox], async () => {
    await db.customers.add(customer);
    await db.contacts.add(contact);
    await db.outbox.bulkAdd([customerEntry, contactEntry]);
  });
  return { customerId, contactId };
}

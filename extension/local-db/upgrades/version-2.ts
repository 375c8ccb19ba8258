import type { Transaction } from 'dexie';
import { EMPTY_CONTACT_FIELDS, type Contact } from '../../../shared/schemas/contact';
import { EMPTY_CUSTOMER_FIELDS, type Customer } from '../../../shared/schemas/customer';
import { toLocalContact, toLocalCustomer } from '../local-rows';

/**
 * Version 1 rows had only the skeleton's fields: give them the empty values of the new fields
 * and their derived keys, so the sidebar can show them at once, and drop the cursor so the next
 * pull brings every row again as the server has it now.
 */
export async function upgradeToVersion2(tx: Transaction): Promise<void> {
  await tx
    .table('customers')
    .toCollection()
    .modify((row: Customer, ref: { value: unknown }) => {
      ref.value = toLocalCustomer({ ...EMPTY_CUSTOMER_FIELDS, ...row });
    });
  await tx
    .table('contacts')
    .toCollection()
    .modify((row: Contact, ref: { value: unknown }) => {
      ref.value = toLocalContact({ ...EMPTY_CONTACT_FIELDS, ...row });
    });
  await tx.table('meta').put({ key: 'cursor', value: null });
}

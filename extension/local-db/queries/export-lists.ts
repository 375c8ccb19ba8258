import type { Contact } from '../../../shared/schemas/contact';
import type { CustomFieldDefinition } from '../../../shared/schemas/custom-field';
import type { Customer } from '../../../shared/schemas/customer';
import type { Member } from '../../../shared/schemas/member';
import type { LocalDb } from '../db';
import { withoutLocalKeys } from '../local-rows';
import { customFieldDefinitions } from './custom-field-definitions';

export type ExportData = {
  customers: Customer[];
  contacts: Contact[];
  members: Member[];
  definitions: CustomFieldDefinition[];
};

/**
 * Everything an export of all customers or all contacts needs, read in one transaction so the
 * lists agree with each other (a sync landing midway cannot pair a contact with no customer).
 */
export async function exportData(db: LocalDb): Promise<ExportData> {
  return db.transaction('r', [db.customers, db.contacts, db.members, db.customFields], async () => {
    const [customers, contacts, members, definitions] = await Promise.all([
      db.customers.toArray(),
      db.contacts.toArray(),
      db.members.toArray(),
      customFieldDefinitions(db),
    ]);
    const byName = <T extends { name: string; id: string }>(a: T, b: T) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
    return {
      customers: customers.map(withoutLocalKeys).sort(byName),
      contacts: contacts.map(withoutLocalKeys).sort(byName),
      members,
      definitions,
    };
  });
}

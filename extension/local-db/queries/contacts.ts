import type { LocalDb } from '../db';
import type { LocalContact } from '../local-rows';

/** A customer's contacts by name (the UI language's collation, so 张伟 and Zhang sort sensibly), then id. */
export async function contactsOf(db: LocalDb, customerId: string): Promise<LocalContact[]> {
  const rows = await db.contacts.where('customerId').equals(customerId).toArray();
  return rows.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

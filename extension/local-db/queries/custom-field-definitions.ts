import type { CustomFieldDefinition } from '../../../shared/schemas/custom-field';
import type { LocalDb } from '../db';

/** The organisation's custom fields in the order the admin set (then by key, stably). */
export async function customFieldDefinitions(db: LocalDb): Promise<CustomFieldDefinition[]> {
  const all = await db.customFields.toArray();
  return all.sort((a, b) => a.position - b.position || a.key.localeCompare(b.key));
}

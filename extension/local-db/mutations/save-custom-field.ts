import { v7 as uuidv7 } from 'uuid';
import type { CustomFieldDefinition } from '../../../shared/schemas/custom-field';
import type { LocalDb } from '../db';
import { outboxEntry } from './outbox-entry';

export type CustomFieldInput = Pick<CustomFieldDefinition, 'key' | 'label' | 'type' | 'options'> & { id?: string };

export class CustomFieldKeyTaken extends Error {
  constructor(readonly key: string) {
    super(`another custom field already uses the key "${key}"`);
  }
}

/**
 * An admin defines or changes a custom field: the definition (optimistic) + its customField.save
 * entry in one transaction. The server refuses it for anyone but an admin; the refusal is shown
 * and dismissing it restores the previous definition. Throws a ZodError for invalid input,
 * before anything is written.
 */
export async function saveCustomField(db: LocalDb, input: CustomFieldInput): Promise<string> {
  const now = new Date().toISOString();
  const id = input.id ?? uuidv7();
  await db.transaction('rw', [db.customFields, db.outbox], async () => {
    const previous = await db.customFields.get(id);
    const sameKey = await db.customFields.where('key').equals(input.key).first();
    if (sameKey && sameKey.id !== id) throw new CustomFieldKeyTaken(input.key);
    const position = previous?.position ?? (await db.customFields.count());
    const entry = outboxEntry(
      {
        id: uuidv7(),
        kind: 'customField.save',
        baseVersion: previous?.version ?? null,
        payload: { id, key: input.key, label: input.label, type: input.type, options: input.options, position },
      },
      'customField',
      id,
      now,
    );
    if (entry.mutation.kind !== 'customField.save') throw new Error('unreachable');
    const saved = entry.mutation.payload;
    await db.customFields.put({ ...saved, updatedAt: now, version: previous?.version ?? 0 });
    await db.outbox.add({ ...entry, previousRow: previous ?? null });
  });
  return id;
}

/** The definition goes (values already stored stay on the server but are no longer shown). */
export async function deleteCustomField(db: LocalDb, id: string): Promise<void> {
  const now = new Date().toISOString();
  await db.transaction('rw', [db.customFields, db.outbox], async () => {
    const previous = await db.customFields.get(id);
    if (!previous) return;
    const entry = outboxEntry(
      { id: uuidv7(), kind: 'customField.delete', baseVersion: previous.version, payload: { id } },
      'customField',
      id,
      now,
    );
    await db.customFields.delete(id);
    await db.outbox.add({ ...entry, previousRow: previous });
  });
}

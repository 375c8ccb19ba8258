import { mutationSchema, type Entity, type MutationInput } from '../../../shared/schemas/sync';
import type { OutboxEntry } from '../db';

/** Validates the mutation against the shared contract before anything is written (throws). */
export function outboxEntry(mutation: MutationInput, entity: Entity, entityId: string, now: string): OutboxEntry {
  const parsed = mutationSchema.parse(mutation);
  return { id: parsed.id, entityId, entity, mutation: parsed, status: 'pending', createdAt: now };
}

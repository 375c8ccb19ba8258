import { z } from 'zod';
import { customFieldProblem, type CustomFieldValues } from '../../../shared/schemas/custom-field';
import type { LocalDb } from '../db';

/**
 * Custom field values checked against the replicated definitions, the same check the server
 * makes (shared customFieldProblem). Thrown as a ZodError shaped like the mutation's own issues
 * (path payload.patch.customFields.<key>), so the sidebar shows it next to the field like any
 * other invalid value, and nothing is written. Read before the write transaction opens.
 */
export async function checkCustomFieldValues(db: LocalDb, values: CustomFieldValues | undefined): Promise<void> {
  const set = Object.entries(values ?? {}).filter(([, value]) => value !== null);
  if (set.length === 0) return;
  const definitions = await db.customFields.toArray();
  const issues = set.flatMap(([key, value]) => {
    const problem = customFieldProblem(key, value, definitions);
    return problem ? [{ code: 'custom' as const, message: problem, path: ['payload', 'patch', 'customFields', key], input: value }] : [];
  });
  if (issues.length > 0) throw new z.ZodError(issues);
}

/** Thrown when the row an edit names is not in the replica (deleted meanwhile by a pull). */
export class MissingRowError extends Error {
  constructor(entity: string, id: string) {
    super(`${entity} ${id} is not in the local replica`);
    this.name = 'MissingRowError';
  }
}

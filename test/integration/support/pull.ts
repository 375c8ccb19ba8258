import { pullOutputSchema, type PulledChange } from '../../../shared/schemas/sync';
import type { Caller } from './actors';

/** Every change from `cursor` on, checked page by page against the contract. */
export async function pullAll(api: Caller, cursor: string | null = null, limit = 1000) {
  const changes: PulledChange[] = [];
  for (;;) {
    const page = pullOutputSchema.parse(await api.sync.pull({ cursor, limit }));
    if (page.resetRequired) throw new Error('unexpected resetRequired');
    changes.push(...page.changes);
    cursor = page.nextCursor;
    if (!page.hasMore) return { changes, cursor };
  }
}

/** The pulled upsert rows of one entity. */
export function rowsOf<E extends PulledChange['entity']>(changes: PulledChange[], entity: E) {
  return changes.flatMap((c) => (c.op === 'upsert' && c.entity === entity ? [c.row] : [])) as Extract<
    PulledChange,
    { entity: E; op: 'upsert' }
  >['row'][];
}

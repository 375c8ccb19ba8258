import { TOUCH_KINDS, VISIT_KINDS } from '../../../shared/domain/cadence';
import type { TimelineKind } from '../../../shared/schemas/timeline';

/**
 * The shared touch and visit kinds (shared/domain/cadence.ts) as SQL literal lists. Literals,
 * not a parameter: the planner then sees that a query's `kind IN (...)` implies the partial touch
 * indexes' predicate (migration 0011) and uses them. The kinds are constants, never user input.
 */
const literals = (kinds: ReadonlySet<TimelineKind>) => [...kinds].map((k) => `'${k}'`).join(', ');

export const TOUCH_KINDS_SQL = literals(TOUCH_KINDS);
export const VISIT_KINDS_SQL = literals(VISIT_KINDS);

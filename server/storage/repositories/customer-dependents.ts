import type { Entity } from '../../../shared/schemas/sync';

/**
 * Every synced table whose rows belong to one customer (`customer_id`), and the entity its rows
 * are in the change log. Deleting a customer tombstones these rows; a change of who may see the
 * customer puts them back into the log. A new customer-scoped table adds one line here (and one
 * rule in server/domain/customer-scope.ts): docs/security.md.
 */
export const CUSTOMER_DEPENDENTS = [
  { entity: 'contact', table: 'contacts' },
  { entity: 'timelineItem', table: 'timeline_items' },
  // Issue 4
  { entity: 'followUp', table: 'follow_ups' },
  { entity: 'serviceItem', table: 'service_items' },
  { entity: 'visit', table: 'visits' },
] as const satisfies readonly { entity: Entity; table: string }[];
export type DependentEntity = (typeof CUSTOMER_DEPENDENTS)[number]['entity'];

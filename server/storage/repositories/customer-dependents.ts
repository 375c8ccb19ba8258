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

type SoftDeleter = { softDeleteByCustomer(orgId: string, customerId: string): Promise<string[]> };

/** A customer's records, through each table's repository (the type makes every entity above have one). */
export function customerDependentsRepository(tables: Record<DependentEntity, SoftDeleter>) {
  return {
    /** The customer was deleted: its live records go too; returns what to tombstone. */
    async softDeleteAllOf(orgId: string, customerId: string): Promise<{ entity: DependentEntity; id: string }[]> {
      const deleted: { entity: DependentEntity; id: string }[] = [];
      for (const { entity } of CUSTOMER_DEPENDENTS) {
        for (const id of await tables[entity].softDeleteByCustomer(orgId, customerId)) deleted.push({ entity, id });
      }
      return deleted;
    },
  };
}

import type { Customer } from '../schemas/customer';
import type { Role } from '../schemas/member';
import type { TimelineKind } from '../schemas/timeline';

/**
 * Who may see which customer, and how much of it (DOMAIN.md "People and permissions"). One rule
 * for the server (pull, reads, every write) and the extension (what the sidebar offers):
 *
 * - full: admins, the owner, managers of the customer's owning department. Everything, including
 *   the sensitive fields; may reassign, share and delete.
 * - shared: colleagues the customer is shared with. Everything but the sensitive fields.
 * - service: support leads, for every customer: the service history (contacts, service items,
 *   follow-ups, service-kind timeline items, what they wrote themselves), no sensitive fields.
 * - none: the customer does not exist for this viewer ("not found", never "forbidden").
 */
export const ACCESS_LEVELS = ['none', 'service', 'shared', 'full'] as const;
export type Access = (typeof ACCESS_LEVELS)[number];

export type AccessViewer = { id: string; role: Role; departmentId: string | null };
export type CustomerAccessFacts = Pick<Customer, 'ownerUserId' | 'departmentId' | 'sharedWith'>;

export function customerAccess(viewer: AccessViewer, customer: CustomerAccessFacts): Access {
  if (viewer.role === 'admin' || customer.ownerUserId === viewer.id) return 'full';
  if (viewer.role === 'manager' && viewer.departmentId !== null && customer.departmentId === viewer.departmentId) {
    return 'full';
  }
  if (customer.sharedWith.includes(viewer.id)) return 'shared';
  if (viewer.role === 'support_lead') return 'service';
  return 'none';
}

export function atLeast(access: Access, needed: Access): boolean {
  return ACCESS_LEVELS.indexOf(access) >= ACCESS_LEVELS.indexOf(needed);
}

/** The customer fields only `full` access sees and writes (DOMAIN.md: bank, tax number, level 3-4 intel). */
export const SENSITIVE_CUSTOMER_FIELDS = ['sensitive', 'taxNumber'] as const;

/** The customer as a viewer without `full` access receives it: sensitive fields empty. */
export function withoutSensitive<C extends Pick<Customer, 'sensitive' | 'taxNumber'>>(customer: C): C {
  const sensitive = Object.fromEntries(Object.keys(customer.sensitive).map((k) => [k, null])) as C['sensitive'];
  return { ...customer, sensitive, taxNumber: null };
}

/**
 * Timeline kinds that are service history (DOMAIN.md "Service": support leads see complaints,
 * recent mail and follow-ups while replying). Notes, meetings and visits are sales work.
 */
export const SERVICE_TIMELINE_KINDS: readonly TimelineKind[] = ['email', 'call', 'complaint', 'satisfaction', 'follow_up', 'care'];

/** Which roles may make others owners at all (ROL-03: managers reassign; admins everything). */
export function mayReassign(role: Role): boolean {
  return role === 'admin' || role === 'manager';
}

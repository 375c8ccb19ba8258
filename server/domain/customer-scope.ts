import { atLeast, SERVICE_TIMELINE_KINDS, withoutSensitive, type Access, type AccessViewer } from '../../shared/domain/access';
import type { Customer } from '../../shared/schemas/customer';
import type { FollowUp } from '../../shared/schemas/follow-up';
import type { ServiceItem } from '../../shared/schemas/service-item';
import type { TimelineItem } from '../../shared/schemas/timeline';
import type { Visit } from '../../shared/schemas/visit';
import type { Contact } from '../../shared/schemas/contact';
import type { DependentEntity } from '../storage/repositories/customer-dependents';

/**
 * How every customer-scoped record derives what a viewer sees from the viewer's access to its
 * customer (shared/domain/access.ts). The pull, direct reads and every mutation handler use
 * these; nothing else decides. A new customer-scoped entity adds a `view` and a `write` line
 * here and a line in storage/repositories/customer-dependents.ts (docs/security.md).
 */
type View<R> = (row: R, access: Access, viewer: AccessViewer) => R | null;
type AnyView = (row: never, access: Access, viewer: AccessViewer) => unknown;

const wholeAtAnyAccess = <R>(row: R, access: Access): R | null => (access === 'none' ? null : row);

export const views = {
  customer: ((row, access) => (access === 'none' ? null : access === 'full' ? row : withoutSensitive(row))) as View<Customer>,
  contact: wholeAtAnyAccess as View<Contact>,
  /**
   * Service access sees service-kind items; everyone sees what they wrote themselves. Imported
   * mail and meetings that pass are then narrowed to their mailboxes' sharing (imported-view.ts).
   */
  timelineItem: <R extends Pick<TimelineItem, 'kind' | 'authorUserId'>>(row: R, access: Access, viewer: AccessViewer): R | null => {
    if (access === 'none') return null;
    if (atLeast(access, 'shared') || row.authorUserId === viewer.id) return row;
    return SERVICE_TIMELINE_KINDS.includes(row.kind) ? row : null;
  },
  followUp: wholeAtAnyAccess as View<FollowUp>,
  serviceItem: wholeAtAnyAccess as View<ServiceItem>,
  /** Visit plans and reports are sales work; a support lead sees only visits they own. */
  visit: ((row, access, viewer) => (atLeast(access, 'shared') || (access === 'service' && row.ownerUserId === viewer.id) ? row : null)) as View<Visit>,
} satisfies Record<DependentEntity | 'customer', AnyView>;

/**
 * The least access to a customer that lets a viewer create or change each kind of its records
 * (the row written must also be one they would see). The customer's own sensitive fields,
 * owner, department, sharing and deletion need 'full' (customer-mutations.ts).
 */
export const writeAccess = {
  customer: 'shared',
  contact: 'shared',
  timelineItem: 'service',
  followUp: 'service',
  serviceItem: 'service',
  visit: 'shared',
  /** A remembered "this address is this customer": any access, it names a customer they see. */
  matchChoice: 'service',
} as const satisfies Record<DependentEntity | 'customer' | 'matchChoice', Access>;
export type ScopedEntity = keyof typeof writeAccess;

/** Rows only one person ever receives, whoever else may see their customer. */
export const privateTo = {
  timelineItem: (row: Pick<TimelineItem, 'private' | 'authorUserId'>) => (row.private ? row.authorUserId : null),
};

import { atLeast, customerAccess } from '../../../shared/domain/access';
import type { MatchReason } from '../../../shared/domain/customer-match';
import type { Participant } from '../../../shared/schemas/host-context';
import type { LocalContact, LocalCustomer } from '../../local-db/local-rows';
import type { PageReason } from '../../local-db/queries/match-page';
import { threadIdOf, type CustomerContext } from '../conversation';
import { useSidebarData } from '../data/sidebar-data';
import { useLive } from '../hooks/use-live';
import { CustomerCard } from './customer-card';
import { CustomerFile } from './customer-file';
import { NoteForm } from './note-form';
import { Timeline } from './timeline';
import { FollowUpsPanel } from '../follow-ups/follow-ups-panel';
import { ServicePanel } from '../service/service-panel';
import { VisitPanel } from '../visits/visit-panel';

export type CustomerViewProps = {
  customer: LocalCustomer;
  contact: LocalContact | null;
  reason: MatchReason | PageReason;
  /** The person the context is about (sender, recipient, an address on the page), if any. */
  person: Participant | null;
  context: CustomerContext;
  chosen?: boolean;
  onSwitch?: () => void;
};

/**
 * ONE customer view for every context: the thread being read, the message being written, the
 * portal page. Card, file, follow-ups, service, visits, note form and timeline; whatever the
 * customer view grows shows in all.
 */
export function CustomerView({ customer: found, contact, reason, person, context, chosen, onSwitch }: CustomerViewProps) {
  const data = useSidebarData();
  const id = found.id;
  // The row by id, so an edit shows at once even before the match query runs again.
  const customer = useLive(() => data.customer(id), [id]) ?? found;
  // "Close when the customer replies" and "log from this mail" need a thread being read; a
  // message being written or a portal page offers the same panels without them.
  const thread = context.kind === 'thread' ? context : undefined;
  // Visits are sales work: planned and reported with shared access or more (support leads see
  // the service panels only; server/domain/customer-scope.ts). No member row for the viewer
  // (null): as the file does. While the query still runs (undefined) nothing is offered, so a
  // support lead never sees "Plan a visit" flash up and vanish.
  const viewer = useLive(() => data.viewer(), []);
  const plansVisits = viewer === null || (viewer !== undefined && atLeast(customerAccess(viewer, customer), 'shared'));
  return (
    <>
      <CustomerCard customer={customer} contact={contact} reason={reason} sender={person} chosen={chosen} onSwitch={onSwitch} />
      <CustomerFile customer={customer} context={context} />
      <FollowUpsPanel customerId={id} customerName={customer.name} context={thread} />
      <ServicePanel customerId={id} context={thread ?? null} contactId={contact?.id ?? null} />
      {plansVisits && <VisitPanel customerId={id} />}
      <NoteForm customerId={id} threadId={threadIdOf(context)} />
      <Timeline customerId={id} customerName={customer.name} />
    </>
  );
}

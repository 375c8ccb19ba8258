import { t } from '../../i18n';
import { useSidebarData } from '../data/sidebar-data';
import { useLive } from '../hooks/use-live';
import { FollowUpsPanel } from '../follow-ups/follow-ups-panel';
import { ContactsSection } from './contacts-section';
import { NoteForm } from './note-form';
import { Timeline } from './timeline';
import { ServerTimeline } from './server-timeline';
import { ServicePanel } from '../service/service-panel';
import { VisitPanel } from '../visits/visit-panel';

/**
 * A customer opened from search, in place of the conversation's customer until the user goes
 * back (or opens another conversation). Live, so edits and pulls show at once.
 */
export function SelectedCustomer({ id, onBack }: { id: string; onBack: () => void }) {
  const data = useSidebarData();
  const customer = useLive(() => data.customer(id), [id]);
  const contacts = useLive(() => data.contacts(id), [id]);
  const ownerId = customer?.ownerUserId ?? null;
  const owner = useLive(() => data.member(ownerId), [ownerId]);
  return (
    <>
      <button type="button" class="link back" data-testid="search-back" onClick={onBack}>
        ← {t('search.back')}
      </button>
      {/* Issue 8: not in this replica (yet): its timeline from the server, page by page. */}
      {customer === null && <ServerTimeline key={id} customerId={id} />}
      {customer && (
        <>
          <section class="card" data-testid="selected-customer">
            <p class="muted small">{t('search.selectedTitle')}</p>
            <h2 class="card-title" data-testid="selected-customer-name">
              {customer.name}
            </h2>
            <dl class="facts">
              <dt>{t('card.class')}</dt>
              <dd>{customer.customerClass ? <span class="badge">{customer.customerClass}</span> : t('card.classNone')}</dd>
              <dt>{t('card.owner')}</dt>
              <dd>{owner?.displayName ?? (ownerId ? '…' : t('card.ownerNone'))}</dd>
            </dl>
          </section>
          <ContactsSection customerId={id} contacts={contacts} />
          <FollowUpsPanel customerId={id} customerName={customer.name} />
          <ServicePanel customerId={id} context={null} contactId={null} />
          <VisitPanel customerId={id} />
          <NoteForm customerId={id} threadId={null} />
          <Timeline customerId={id} customerName={customer.name} />
        </>
      )}
    </>
  );
}

import type { MatchReason } from '../../../shared/domain/customer-match';
import type { Contact } from '../../../shared/schemas/contact';
import type { Customer } from '../../../shared/schemas/customer';
import type { Participant } from '../../../shared/schemas/host-context';
import { t } from '../../i18n';
import { useSidebarData } from '../data/sidebar-data';
import { useLive } from '../hooks/use-live';

type Props = { customer: Customer; contact: Contact | null; reason: MatchReason; sender: Participant };

export function CustomerCard({ customer, contact, reason, sender }: Props) {
  const data = useSidebarData();
  const owner = useLive(() => data.member(customer.ownerUserId), [customer.ownerUserId]);
  const reasonText = reason.kind === 'contact' ? t('card.reasonContact') : t('card.reasonDomain', { domain: reason.domain });
  return (
    <section class="card" data-testid="customer-card">
      <h2 class="card-title" data-testid="customer-name">
        {customer.name}
      </h2>
      <dl class="facts">
        <dt>{t('card.class')}</dt>
        <dd data-testid="customer-class">
          {customer.customerClass ? <span class="badge">{customer.customerClass}</span> : t('card.classNone')}
        </dd>
        <dt>{t('card.owner')}</dt>
        <dd data-testid="customer-owner">{owner?.displayName ?? (customer.ownerUserId ? '…' : t('card.ownerNone'))}</dd>
        <dt>{t('card.contact')}</dt>
        <dd data-testid="contact-name">{contact ? contact.name : t('card.contactUnknown', { email: sender.email })}</dd>
        <dt>{t('card.matchedBy')}</dt>
        <dd data-testid="match-reason" data-reason={reason.kind}>
          {reasonText}
        </dd>
      </dl>
    </section>
  );
}

import { meetsKeyAccountCriteria } from '../../../shared/domain/cadence';
import type { MatchReason } from '../../../shared/domain/customer-match';
import type { PageReason } from '../../local-db/queries/match-page';
import type { Contact } from '../../../shared/schemas/contact';
import type { Customer } from '../../../shared/schemas/customer';
import type { Participant } from '../../../shared/schemas/host-context';
import { t } from '../../i18n';
import { useSidebarData } from '../data/sidebar-data';
import { useLive } from '../hooks/use-live';
import { formatNumber } from '../format';
import { DormancyFlag } from './dormancy-flag';
import { enumText } from './field-value';

/** Why the sidebar shows this customer: "contact", "domain example.com", or the portal clue. */
export function reasonText(reason: MatchReason | PageReason): string {
  switch (reason.kind) {
    case 'contact':
      return t('card.reasonContact');
    case 'domain':
      return t('card.reasonDomain', { domain: reason.domain });
    default:
      return t(`card.reasonPage.${reason.kind}`, { value: reason.value });
  }
}

type Props = {
  customer: Customer;
  contact: Contact | null;
  reason: MatchReason | PageReason;
  /** The person the context is about; none on a portal page found by code, tax number or name. */
  sender: Participant | null;
  /** Set when several customers match the sender: re-opens the picker. */
  onSwitch?: () => void;
  chosen?: boolean;
};

export function CustomerCard({ customer, contact, reason, sender, onSwitch, chosen }: Props) {
  const data = useSidebarData();
  const owner = useLive(() => data.member(customer.ownerUserId), [customer.ownerUserId]);
  // Flagged key accounts show the badge; others that already meet the volume rule get a hint.
  const meetsVolume = !customer.keyAccount && meetsKeyAccountCriteria(customer, null);
  return (
    <section class="card" data-testid="customer-card">
      <div class="card-head">
        <h2 class="card-title" data-testid="customer-name">
          {customer.name}
        </h2>
        {customer.customerClass && (
          <span class="badge" data-testid="class-badge">
            {customer.customerClass}
          </span>
        )}
        {customer.keyAccount && (
          <span class="badge badge-key" data-testid="key-account">
            {customer.keyAccountScore === null
              ? t('card.keyAccount')
              : t('card.keyAccountScore', { score: formatNumber(customer.keyAccountScore) })}
          </span>
        )}
      </div>
      <DormancyFlag customer={customer} />
      {meetsVolume && <p class="muted small">{t('card.meetsKeyAccount')}</p>}
      <dl class="facts">
        <dt>{t('card.class')}</dt>
        <dd data-testid="customer-class">
          {customer.customerClass ? enumText('customerClass', customer.customerClass) : t('card.classNone')}
        </dd>
        <dt>{t('card.owner')}</dt>
        <dd data-testid="customer-owner">{owner?.displayName ?? (customer.ownerUserId ? '…' : t('card.ownerNone'))}</dd>
        <dt>{t('card.contact')}</dt>
        <dd data-testid="contact-name">
          {contact ? contact.name : sender ? t('card.contactUnknown', { email: sender.email }) : t('card.contactNone')}
        </dd>
        <dt>{t('card.matchedBy')}</dt>
        <dd data-testid="match-reason" data-reason={reason.kind}>
          {reasonText(reason)}
        </dd>
        {customer.tags.length > 0 && (
          <>
            <dt>{t('card.tags')}</dt>
            <dd data-testid="customer-tags" class="tags">
              {customer.tags.map((tag) => (
                <span key={tag} class="tag">
                  {tag}
                </span>
              ))}
            </dd>
          </>
        )}
      </dl>
      {onSwitch && (
        <p class="switch">
          {chosen && <span class="muted-inline">{t('card.chosen')} </span>}
          <button type="button" class="link" data-testid="switch-customer" onClick={onSwitch}>
            {t('card.switch')}
          </button>
        </p>
      )}
    </section>
  );
}

import type { Customer, CustomerPatch } from '../../../shared/schemas/customer';
import { t } from '../../i18n';
import { VALUE_FIELDS } from '../forms/customer-sections';
import { formatMoney, formatNumber } from '../format';
import { EditableSection } from './editable-section';

type Props = { customer: Customer; save: (patch: CustomerPatch) => Promise<void> };

const AMOUNTS = ['cumulativeAmount', 'thisYearAmount', 'historicalAverage', 'annualAverage'] as const;

/** The transaction summary (imported from ERP or typed in), in the UI language's number format. */
export function ValueCard({ customer, save }: Props) {
  const card = customer.valueCard;
  return (
    <EditableSection id="value" title="file.value.title" specs={VALUE_FIELDS} record={customer} save={(c) => save(c as CustomerPatch)}>
      <dl class="value-card" data-testid="value-card">
        {AMOUNTS.map((key) => (
          <div key={key} class="value" data-field={`valueCard.${key}`}>
            <dt>{t(`field.valueCard.${key}`)}</dt>
            <dd>{card[key] === null ? '—' : formatMoney(card[key], card.currency)}</dd>
          </div>
        ))}
        <div class="value" data-field="valueCard.cumulativeQuantity">
          <dt>{t('field.valueCard.cumulativeQuantity')}</dt>
          <dd>{card.cumulativeQuantity === null ? '—' : formatNumber(card.cumulativeQuantity)}</dd>
        </div>
      </dl>
    </EditableSection>
  );
}

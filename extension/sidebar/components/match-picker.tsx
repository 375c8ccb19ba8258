import { useState } from 'preact/hooks';
import type { Participant } from '../../../shared/schemas/host-context';
import { t } from '../../i18n';
import type { MatchCandidate } from '../../local-db/queries/match-context';
import { useSidebarData } from '../data/sidebar-data';
import { reasonText } from './customer-card';

type Props = { sender: Participant; candidates: MatchCandidate[]; onCancel?: () => void; onPicked?: () => void };

/** Several customers match the sender: the user says which one; it is remembered for the address. */
export function MatchPicker({ sender, candidates, onCancel, onPicked }: Props) {
  const data = useSidebarData();
  const [error, setError] = useState<string | null>(null);
  const pick = async (customerId: string): Promise<void> => {
    setError(null);
    try {
      await data.setMatchChoice(sender.email, customerId);
      onPicked?.();
    } catch (e) {
      setError(t('unknown.saveFailed', { reason: e instanceof Error ? e.message : String(e) }));
    }
  };
  return (
    <section class="card" data-testid="match-picker">
      <h2 class="card-title">{t('picker.title')}</h2>
      <p class="muted">{t('picker.hint', { email: sender.email })}</p>
      <ul class="candidates">
        {candidates.map(({ customer, reason }) => (
          <li key={customer.id} data-testid="match-candidate" data-customer-id={customer.id}>
            <span class="candidate">
              <span class="candidate-name">{customer.name}</span>
              {customer.customerClass && <span class="badge">{customer.customerClass}</span>}
              <span class="muted-inline">{reasonText(reason)}</span>
            </span>
            <button type="button" data-testid="pick-customer" onClick={() => void pick(customer.id)}>
              {t('picker.choose')}
            </button>
          </li>
        ))}
      </ul>
      {onCancel && (
        <button type="button" class="link" data-testid="cancel-picker" onClick={onCancel}>
          {t('picker.cancel')}
        </button>
      )}
      {error && <p class="error">{error}</p>}
    </section>
  );
}

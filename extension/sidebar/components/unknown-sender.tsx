import { useState } from 'preact/hooks';
import type { Participant } from '../../../shared/schemas/host-context';
import { t } from '../../i18n';
import { useSidebarData } from '../data/sidebar-data';
import { prefillFor } from '../prefill';

/** A sender no customer matches: who it is, and a one-step "make them a customer" form. */
export function UnknownSender({ sender }: { sender: Participant }) {
  const data = useSidebarData();
  const initial = prefillFor(sender);
  const [customerName, setCustomerName] = useState(initial.customerName);
  const [contactName, setContactName] = useState(initial.contactName);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await data.createCustomer({ customerName, contactName, email: sender.email });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" data-testid="state-unknown-sender">
      <h2 class="card-title">{t('unknown.title')}</h2>
      <p class="sender">
        <span class="sender-name">{sender.name}</span> <span class="muted">{sender.email}</span>
      </p>
      <form class="form" onSubmit={(e) => void submit(e)}>
        <label>
          <span>{t('unknown.customerName')}</span>
          <input
            name="customerName"
            value={customerName}
            required
            maxLength={200}
            onInput={(e) => setCustomerName(e.currentTarget.value)}
          />
        </label>
        <label>
          <span>{t('unknown.contactName')}</span>
          <input
            name="contactName"
            value={contactName}
            maxLength={200}
            onInput={(e) => setContactName(e.currentTarget.value)}
          />
        </label>
        <button type="submit" class="primary" data-testid="create-customer" disabled={busy}>
          {t('unknown.create')}
        </button>
        {error && <p class="error">{t('unknown.saveFailed', { reason: error })}</p>}
      </form>
    </section>
  );
}

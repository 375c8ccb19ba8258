import { useState } from 'preact/hooks';
import type { Contact } from '../../../shared/schemas/contact';
import { t } from '../../i18n';
import { useCanEdit } from '../can-edit';
import { peopleOf, type CustomerContext } from '../conversation';
import { useSidebarData } from '../data/sidebar-data';
import { useLive } from '../hooks/use-live';
import { addableParticipants, contactNameOf } from '../participants';

type Props = { context: CustomerContext; customerId: string; contacts: Contact[] | undefined };

/** Others in the thread who are not contacts of this customer yet, each one click from being one. */
export function Participants({ context, customerId, contacts }: Props) {
  const data = useSidebarData();
  const status = useLive(() => data.syncStatus(), []);
  const [error, setError] = useState<string | null>(null);
  const canEdit = useCanEdit();
  if (!contacts || !status || !canEdit) return null;
  const people = addableParticipants(peopleOf(context), contacts, ['account' in context ? context.account : null, status.session?.email]);
  if (people.length === 0) return null;
  const add = async (email: string, name: string): Promise<void> => {
    setError(null);
    try {
      await data.addContact({ customerId, name, emails: [email] });
    } catch (e) {
      setError(t('unknown.saveFailed', { reason: e instanceof Error ? e.message : String(e) }));
    }
  };
  return (
    <section class="file-section" data-testid="participants">
      <h3 class="section-title">{t('participants.title')}</h3>
      <ul class="participants">
        {people.map((p) => (
          <li key={p.email} data-testid="participant" data-email={p.email}>
            <span class="participant">
              {p.name && <span class="sender-name">{p.name} </span>}
              <span class="muted-inline">{p.email}</span>
            </span>
            <button type="button" class="link" data-testid="add-participant" onClick={() => void add(p.email, contactNameOf(p))}>
              {t('participants.add')}
            </button>
          </li>
        ))}
      </ul>
      {error && <p class="error">{error}</p>}
    </section>
  );
}

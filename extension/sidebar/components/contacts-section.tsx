import { useState } from 'preact/hooks';
import type { Contact, ContactFields } from '../../../shared/schemas/contact';
import { t } from '../../i18n';
import { useCanEdit } from '../can-edit';
import { useSidebarData } from '../data/sidebar-data';
import { CONTACT_FIELDS } from '../forms/contact-fields';
import { allFields } from '../forms/form-values';
import { ContactForm } from './contact-form';
import { ContactItem } from './contact-item';

/** The customer's contacts, and a form to add one. */
export function ContactsSection({ customerId, contacts }: { customerId: string; contacts: Contact[] | undefined }) {
  const data = useSidebarData();
  const [adding, setAdding] = useState(false);
  const canEdit = useCanEdit();
  return (
    <section class="file-section" data-testid="contacts">
      <div class="section-head">
        <h3 class="section-title">{t('contacts.title')}</h3>
        {!adding && canEdit && (
          <button type="button" class="link" data-testid="add-contact" onClick={() => setAdding(true)}>
            {t('contacts.add')}
          </button>
        )}
      </div>
      {adding && (
        <ContactForm
          initial={undefined}
          save={(values) => data.addContact({ ...(allFields(CONTACT_FIELDS, values) as ContactFields), customerId })}
          onDone={() => setAdding(false)}
        />
      )}
      {contacts && contacts.length === 0 && !adding && <p class="muted">{t('contacts.empty')}</p>}
      <ul class="contacts">
        {(contacts ?? []).map((contact) => (
          <ContactItem key={contact.id} contact={contact} />
        ))}
      </ul>
    </section>
  );
}

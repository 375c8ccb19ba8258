import { useCanEdit } from '../can-edit';
import { useState } from 'preact/hooks';
import type { Contact } from '../../../shared/schemas/contact';
import { t } from '../../i18n';
import { useSidebarData } from '../data/sidebar-data';
import { CONTACT_FIELDS } from '../forms/contact-fields';
import { changedFields } from '../forms/form-values';
import { ContactForm } from './contact-form';
import { enumText } from './field-value';

/** One contact: who they are and how to reach them; edit in place, delete after a confirmation. */
export function ContactItem({ contact }: { contact: Contact }) {
  const data = useSidebarData();
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm-delete'>('view');
  const canEdit = useCanEdit();
  if (mode === 'edit') {
    return (
      <li class="contact" data-testid="contact-item" data-contact-id={contact.id}>
        <ContactForm
          initial={contact}
          save={async (values) => {
            const patch = changedFields(CONTACT_FIELDS, contact, values);
            if (patch) await data.updateContact(contact.id, patch);
          }}
          onDone={() => setMode('view')}
        />
      </li>
    );
  }
  const facts = [
    contact.buyingRole && enumText('buyingRole', contact.buyingRole),
    contact.relationshipStrength && `${t('contact.relationshipStrength')}: ${enumText('relationshipStrength', contact.relationshipStrength)}`,
    contact.preferredChannel && `${t('contact.preferredChannel')}: ${enumText('preferredChannel', contact.preferredChannel)}`,
    contact.birthday && `${t('contact.birthday')}: ${contact.birthday}`,
  ].filter(Boolean);
  return (
    <li class="contact" data-testid="contact-item" data-contact-id={contact.id}>
      <div class="contact-head">
        <span class="contact-name" data-testid="contact-item-name">
          {contact.name}
        </span>
        {contact.title && <span class="muted-inline"> · {contact.title}</span>}
      </div>
      {contact.emails.length > 0 && <div class="contact-line" data-field="emails">{contact.emails.join(', ')}</div>}
      {contact.phones.length > 0 && <div class="contact-line" data-field="phones">{contact.phones.join(', ')}</div>}
      {facts.length > 0 && <div class="contact-line muted-inline">{facts.join(' · ')}</div>}
      {contact.notes && <p class="pre contact-notes">{contact.notes}</p>}
      {mode === 'confirm-delete' ? (
        <div class="row confirm" role="alert">
          <span>{t('contacts.confirmDelete', { name: contact.name })}</span>
          <button type="button" class="danger" data-testid="confirm-delete-contact" onClick={() => void data.deleteContact(contact.id)}>
            {t('contacts.deleteYes')}
          </button>
          <button type="button" onClick={() => setMode('view')}>
            {t('file.cancel')}
          </button>
        </div>
      ) : (
        canEdit && <div class="row">
          <button type="button" class="link" data-testid="edit-contact" onClick={() => setMode('edit')}>
            {t('file.edit')}
          </button>
          <button type="button" class="link danger" data-testid="delete-contact" onClick={() => setMode('confirm-delete')}>
            {t('contacts.delete')}
          </button>
        </div>
      )}
    </li>
  );
}

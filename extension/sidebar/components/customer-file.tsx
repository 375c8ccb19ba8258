import type { Customer, CustomerPatch } from '../../../shared/schemas/customer';
import type { CustomerContext } from '../conversation';
import { useSidebarData } from '../data/sidebar-data';
import { CLASSIFICATION_FIELDS, ownerField, PROFILE_FIELDS, SENSITIVE_FIELDS } from '../forms/customer-sections';
import { useLive } from '../hooks/use-live';
import { ContactsSection } from './contacts-section';
import { CustomFieldsSection } from './custom-fields-section';
import { EditableSection } from './editable-section';
import { NeedsSection } from './needs-section';
import { Participants } from './participants';
import { ValueCard } from './value-card';

/**
 * The customer file below the card: needs first (what to keep in mind while replying), then the
 * value card, classification, contacts, the thread's other people, and the less used sections.
 */
export function CustomerFile({ customer, context }: { customer: Customer; context: CustomerContext }) {
  const data = useSidebarData();
  const contacts = useLive(() => data.contacts(customer.id), [customer.id]);
  const members = useLive(() => data.members(), []);
  const classification = [ownerField(members ?? []), ...CLASSIFICATION_FIELDS];
  const save = (patch: CustomerPatch): Promise<void> => data.updateCustomer(customer.id, patch);
  const saveFields = (changes: Record<string, unknown>): Promise<void> => save(changes as CustomerPatch);
  return (
    <>
      <NeedsSection customer={customer} save={save} />
      <ValueCard customer={customer} save={save} />
      <EditableSection id="classification" title="file.classification.title" specs={classification} record={customer} save={saveFields} />
      <ContactsSection customerId={customer.id} contacts={contacts} />
      <Participants context={context} customerId={customer.id} contacts={contacts} />
      <EditableSection id="profile" title="file.profile.title" specs={PROFILE_FIELDS} record={customer} save={saveFields} folded />
      <CustomFieldsSection customer={customer} save={save} />
      <EditableSection
        id="sensitive"
        title="file.sensitive.title"
        hint="file.sensitive.hint"
        specs={SENSITIVE_FIELDS}
        record={customer}
        save={saveFields}
        folded
      />
    </>
  );
}

import { atLeast, customerAccess, mayReassign } from '../../../shared/domain/access';
import type { Customer, CustomerPatch } from '../../../shared/schemas/customer';
import { t } from '../../i18n';
import { CanEditContext } from '../can-edit';
import type { CustomerContext } from '../conversation';
import { useSidebarData } from '../data/sidebar-data';
import { assignmentFields, CLASSIFICATION_FIELDS, PROFILE_FIELDS, SENSITIVE_FIELDS } from '../forms/customer-sections';
import { useLive } from '../hooks/use-live';
import { ContactsSection } from './contacts-section';
import { CustomFieldsSection } from './custom-fields-section';
import { EditableSection } from './editable-section';
import { NeedsSection } from './needs-section';
import { Participants } from './participants';
import { SharingSection } from './sharing-section';
import { ValueCard } from './value-card';

/**
 * The customer file below the card: needs first (what to keep in mind while replying), then the
 * value card, classification, contacts, the thread's other people, and the less used sections.
 * What is offered follows the viewer's access (shared/domain/access.ts): service access reads,
 * shared access edits all but the sensitive fields, full access also shares, and managers and
 * admins reassign. Until the viewer's own member row has arrived, nothing sensitive is offered.
 */
export function CustomerFile({ customer, context }: { customer: Customer; context: CustomerContext }) {
  const data = useSidebarData();
  const contacts = useLive(() => data.contacts(customer.id), [customer.id]);
  const members = useLive(() => data.members(), []) ?? [];
  const departments = useLive(() => data.departments(), []) ?? [];
  const viewer = useLive(() => data.viewer(), []);
  const access = viewer ? customerAccess(viewer, customer) : 'shared';
  const full = access === 'full';
  const reassign = full && viewer !== null && viewer !== undefined && mayReassign(viewer.role);
  const classification = [...(reassign ? assignmentFields(members, departments, viewer) : []), ...CLASSIFICATION_FIELDS];
  const save = (patch: CustomerPatch): Promise<void> => data.updateCustomer(customer.id, patch);
  const saveFields = (changes: Record<string, unknown>): Promise<void> => save(changes as CustomerPatch);
  return (
    <CanEditContext.Provider value={atLeast(access, 'shared')}>
      {access === 'service' && <p class="muted small" data-testid="access-note">{t('access.service')}</p>}
      {access === 'shared' && viewer && <p class="muted small" data-testid="access-note">{t('access.shared')}</p>}
      <NeedsSection customer={customer} save={save} />
      <ValueCard customer={customer} save={save} />
      <EditableSection id="classification" title="file.classification.title" specs={classification} record={customer} save={saveFields} />
      <ContactsSection customerId={customer.id} contacts={contacts} />
      <Participants context={context} customerId={customer.id} contacts={contacts} />
      <SharingSection customer={customer} members={members} canShare={full} save={(sharedWith) => save({ sharedWith })} />
      <EditableSection id="profile" title="file.profile.title" specs={PROFILE_FIELDS.filter((f) => full || f.path !== 'taxNumber')} record={customer} save={saveFields} folded />
      <CustomFieldsSection customer={customer} save={save} />
      {full && (
        <EditableSection
          id="sensitive"
          title="file.sensitive.title"
          hint="file.sensitive.hint"
          specs={SENSITIVE_FIELDS}
          record={customer}
          save={saveFields}
          folded
        />
      )}
    </CanEditContext.Provider>
  );
}

import { buyingRoleSchema, preferredChannelSchema } from '../../../shared/schemas/contact';
import type { FieldSpec } from './field-spec';

/** A contact's form (DOMAIN.md "Contacts"): a person may have several addresses and phones. */
export const CONTACT_FIELDS: readonly FieldSpec[] = [
  { path: 'name', label: 'contact.name', kind: 'text' },
  { path: 'title', label: 'contact.title', kind: 'text' },
  { path: 'emails', label: 'contact.emails', kind: 'list', hint: 'file.listHint' },
  { path: 'phones', label: 'contact.phones', kind: 'list', hint: 'file.listHint' },
  { path: 'buyingRole', label: 'contact.buyingRole', kind: 'select', options: buyingRoleSchema.options, enumName: 'buyingRole' },
  {
    path: 'relationshipStrength',
    label: 'contact.relationshipStrength',
    kind: 'select',
    options: [1, 2, 3, 4, 5],
    enumName: 'relationshipStrength',
  },
  {
    path: 'preferredChannel',
    label: 'contact.preferredChannel',
    kind: 'select',
    options: preferredChannelSchema.options,
    enumName: 'preferredChannel',
  },
  { path: 'birthday', label: 'contact.birthday', kind: 'text', hint: 'contact.birthdayHint' },
  { path: 'notes', label: 'contact.notes', kind: 'multiline' },
];

import { CONTACT_FIELDS } from '../forms/contact-fields';
import type { FormValues } from '../forms/field-spec';
import { formValuesOf } from '../forms/form-values';
import { FieldsForm } from './fields-form';

type Props = {
  /** The contact being edited, or undefined for a new one. */
  initial: unknown;
  /** Writes the contact from the form's values; throws a ZodError for invalid values. */
  save: (values: FormValues) => Promise<void>;
  onDone: () => void;
};

/** Add or edit a contact; refused values stay in the form with the reason beside each field. */
export function ContactForm({ initial, save, onDone }: Props) {
  return (
    <FieldsForm
      specs={CONTACT_FIELDS}
      initial={formValuesOf(CONTACT_FIELDS, initial ?? {})}
      save={async (values) => {
        await save(values);
        return null;
      }}
      onDone={onDone}
      onCancel={onDone}
      testIds={{ form: 'contact-form', save: 'save-contact', cancel: 'cancel-contact' }}
      className="contact-form"
    />
  );
}

import { useState } from 'preact/hooks';
import { serviceTypeSchema, type ServiceItem, type ServicePatch, type ServiceType } from '../../../shared/schemas/service-item';
import { t, type MessageKey } from '../../i18n';
import { useSidebarData } from '../data/sidebar-data';
import type { FieldErrors } from '../forms/field-errors';
import { useLive } from '../hooks/use-live';
import { FieldError, FormEnd } from './field-error';
import { saveErrors } from './rule-problems';

/** Reword, reassign, or (while still received) turn a request into a complaint or back. */
export function ServiceEditForm({ item, onDone }: { item: ServiceItem; onDone: () => void }) {
  const data = useSidebarData();
  const members = useLive(() => data.members(), []) ?? [];
  const [summary, setSummary] = useState(item.summary);
  const [type, setType] = useState<ServiceType>(item.type);
  const [owner, setOwner] = useState(item.ownerUserId);
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const patch: ServicePatch = {
      ...(summary !== item.summary ? { summary } : {}),
      ...(type !== item.type ? { type } : {}),
      ...(owner !== item.ownerUserId ? { ownerUserId: owner } : {}),
    };
    if (Object.keys(patch).length === 0) return onDone();
    try {
      await data.changeServiceItem(item.id, { kind: 'service.update', payload: { patch } });
      onDone();
    } catch (error) {
      setErrors(saveErrors(error));
    }
  };
  return (
    <form class="form step-form" data-testid="service-edit-form" onSubmit={(e) => void submit(e)} noValidate>
      <label class={errors.summary ? 'has-error' : ''}>
        <span>{t('service.summary')}</span>
        <input name="summary" value={summary} maxLength={2000} onInput={(e) => setSummary(e.currentTarget.value)} />
        <FieldError errors={errors} field="summary" />
      </label>
      {item.stage === 'received' && (
        <label>
          <span>{t('service.typeLabel')}</span>
          <select name="type" value={type} onChange={(e) => setType(e.currentTarget.value as ServiceType)}>
            {serviceTypeSchema.options.map((option) => (
              <option key={option} value={option}>
                {t(`service.type.${option}` as MessageKey)}
              </option>
            ))}
          </select>
          <FieldError errors={errors} field="type" />
        </label>
      )}
      <label>
        <span>{t('service.owner')}</span>
        <select name="ownerUserId" value={owner} onChange={(e) => setOwner(e.currentTarget.value)}>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.displayName}
            </option>
          ))}
        </select>
      </label>
      <FormEnd errors={errors} save="service.saveEdit" testId="save-service-edit" onCancel={onDone} />
    </form>
  );
}

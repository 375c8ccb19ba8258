import type { Customer, CustomerPatch } from '../../../shared/schemas/customer';
import { t } from '../../i18n';
import { NEEDS_FIELDS } from '../forms/customer-sections';
import { formatDate } from '../format';
import { EditableSection } from './editable-section';
import { FieldList } from './field-value';

type Props = { customer: Customer; save: (patch: CustomerPatch) => Promise<void> };

/**
 * At the top of the file: the last captured need and feedback (with when), then the standing
 * capacity, quality and delivery-time needs. Changing the last need or feedback stamps its time.
 */
export function NeedsSection({ customer, save }: Props) {
  const { needs } = customer;
  const stamp = async (changes: CustomerPatch): Promise<void> => {
    const now = new Date().toISOString();
    const next = { ...changes.needs };
    if ('lastNeed' in next) next.lastNeedAt = next.lastNeed ? now : null;
    if ('lastFeedback' in next) next.lastFeedbackAt = next.lastFeedback ? now : null;
    await save({ ...changes, needs: next });
  };
  const empty = NEEDS_FIELDS.every((spec) => !needs[spec.path.slice('needs.'.length) as keyof typeof needs]);
  return (
    <EditableSection id="needs" title="file.needs.title" specs={NEEDS_FIELDS} record={customer} save={(c) => stamp(c as CustomerPatch)}>
      {empty ? (
        <p class="muted">{t('file.needs.empty')}</p>
      ) : (
        <div class="needs" data-testid="needs">
          <Latest label={t('field.needs.lastNeed')} text={needs.lastNeed} at={needs.lastNeedAt} field="needs.lastNeed" />
          <Latest label={t('field.needs.lastFeedback')} text={needs.lastFeedback} at={needs.lastFeedbackAt} field="needs.lastFeedback" />
          <FieldList specs={NEEDS_FIELDS.slice(2)} record={customer} />
        </div>
      )}
    </EditableSection>
  );
}

function Latest({ label, text, at, field }: { label: string; text: string | null; at: string | null; field: string }) {
  if (!text) return null;
  return (
    <div class="latest" data-field={field}>
      <span class="latest-label">{label}</span>
      {at && <span class="muted-inline"> · {t('file.needs.capturedAt', { date: formatDate(at) })}</span>}
      <p class="pre">{text}</p>
    </div>
  );
}

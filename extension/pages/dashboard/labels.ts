import type { CustomerDimension } from '../../../shared/schemas/reports';
import { dictionaries, t, type MessageKey } from '../../i18n';
import { rt } from '../../i18n/reports';
import { formatDecimal } from './format';

const ENUM_SET: Record<CustomerDimension, string> = { class: 'customerClass', tier: 'valueTier', stage: 'pyramidStage' };

/** A class, tier or stage as the sidebar names it; 'none' = not classified. */
export function dimensionValue(dimension: CustomerDimension, value: string): string {
  if (value === 'none') return rt('value.none');
  return known(`enum.${ENUM_SET[dimension]}.${value}`) ?? value;
}

/** A rep's name; customers without an owner are "unassigned". */
export const repName = (name: string | null): string => name ?? rt('value.unassigned');

/** A state or kind a drill row carries (follow-up status, service stage, visit status, purpose...), translated when known. */
export function rowWord(value: string | null): string {
  if (value === null) return '';
  for (const prefix of ['followUp.status.', 'service.stage.', 'visit.status.', 'service.type.', 'followUp.purpose.']) {
    const label = known(`${prefix}${value}`);
    // Purposes with placeholders (a birthday's name and date) need data the row does not carry.
    if (label && !label.includes('{')) return label;
  }
  return value;
}

/** A duration in the unit a manager reads it in: minutes under 2 h, hours under 2 days, then days. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '–';
  const minutes = ms / 60_000;
  if (minutes < 120) return rt('duration.minutes', { value: formatDecimal(minutes) });
  if (minutes < 48 * 60) return rt('duration.hours', { value: formatDecimal(minutes / 60) });
  return rt('duration.days', { value: formatDecimal(minutes / 1440) });
}

function known(key: string): string | null {
  return key in dictionaries.en ? t(key as MessageKey) : null;
}

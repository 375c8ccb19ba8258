import type { CareOccasion, FollowUp } from '../../../shared/schemas/follow-up';
import { formatDate } from '../format';
import { t, type MessageKey } from '../../i18n';

/**
 * Rule-made follow-ups carry `purpose` (and a care occasion) instead of text, so each reader
 * sees them in their own language; a person's follow-up shows what they wrote.
 */
type Names = { customerName: string; contactName: string | null };

function occasionName(occasion: CareOccasion): string {
  return occasion.kind === 'org_date' ? (occasion.name ?? '') : t(`care.occasion.${occasion.kind}` as MessageKey);
}

/** One line saying what to do. */
export function followUpTitle(f: Pick<FollowUp, 'purpose' | 'reason' | 'occasion'>, names: Names): string {
  if (f.purpose === 'general' || f.purpose === 'no_reply' || (f.reason && !f.occasion)) {
    return f.reason || t(`followUp.purpose.${f.purpose}` as MessageKey);
  }
  if (f.occasion) {
    const params = { name: names.contactName ?? names.customerName, occasion: occasionName(f.occasion), date: formatDate(f.occasion.date) };
    return t(f.purpose === 'care_birthday' ? 'followUp.purpose.care_birthday' : 'followUp.purpose.care_holiday', params);
  }
  return t(`followUp.purpose.${f.purpose}` as MessageKey);
}

/** A greeting to send for a care follow-up, in the reader's language; null for other follow-ups. */
export function suggestedGreeting(f: Pick<FollowUp, 'occasion'>, names: Names): string | null {
  const occasion = f.occasion;
  if (!occasion) return null;
  return t(`care.greeting.${occasion.kind}` as MessageKey, {
    name: names.contactName ?? names.customerName,
    customer: names.customerName,
    occasion: occasionName(occasion),
    year: occasion.date.slice(0, 4),
  });
}

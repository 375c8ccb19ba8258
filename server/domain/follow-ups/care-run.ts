import { v7 as uuidv7 } from 'uuid';
import { careDueAt, inCareWindow, nextBirthday, upcomingOrgOccasions } from '../../../shared/domain/care-occasions';
import { localDateOf } from '../../../shared/domain/zoned-time';
import type { Store } from '../../storage/repositories/index';
import { insertRuleMade, OPEN_RULE_MADE, type RuleMade } from './rule-writes';

/**
 * Customer care for one organisation (shared/domain/care-occasions): inside each occasion's
 * reminder window, a holiday follow-up per customer of the care classes (to its owner) and a
 * birthday follow-up per contact of those customers. One per occasion and date (dedupe key).
 */
export async function runCare(store: Store, orgId: string, now: Date, signal?: AbortSignal) {
  const settings = await store.repos.orgSettings.effective(orgId);
  const { care } = settings;
  if (care.classes.length === 0) return { created: 0 };
  const today = localDateOf(now, settings.timeZone);
  const occasions = upcomingOrgOccasions(care, today).filter((o) => inCareWindow(o.date, today, care.leadDays));
  const made: RuleMade[] = [];
  const base = { ...OPEN_RULE_MADE, source: 'care' as const };

  if (occasions.length > 0) {
    for (const c of await store.repos.followUpRules.careCustomers(orgId, care.classes)) {
      for (const { key, ...occasion } of occasions) {
        made.push({
          dedupeKey: `care:${key}:${c.customerId}:${occasion.date}`,
          row: {
            ...base,
            id: uuidv7(),
            customerId: c.customerId,
            contactId: null,
            ownerUserId: c.ownerUserId,
            dueAt: careDueAt(occasion.date, settings).toISOString(),
            purpose: 'care_holiday',
            sourceId: null,
            occasion,
          },
        });
      }
    }
  }
  if (care.birthdays) {
    for (const k of await store.repos.followUpRules.birthdayContacts(orgId, care.classes)) {
      const date = nextBirthday(k.birthday, today);
      if (!inCareWindow(date, today, care.leadDays)) continue;
      made.push({
        dedupeKey: `care:birthday:${k.contactId}:${date}`,
        row: {
          ...base,
          id: uuidv7(),
          customerId: k.customerId,
          contactId: k.contactId,
          ownerUserId: k.ownerUserId,
          dueAt: careDueAt(date, settings).toISOString(),
          purpose: 'care_birthday',
          sourceId: k.contactId,
          occasion: { kind: 'birthday', name: null, date },
        },
      });
    }
  }
  return { created: await insertRuleMade(store, orgId, made, 'job.customer-care', signal) };
}

import { v7 as uuidv7 } from 'uuid';
import { CADENCE_PURPOSE, cadenceAnchor, cadenceDedupeKey, cadenceDue, type CadenceKind } from '../../../shared/domain/cadence-rule';
import { localDateOf } from '../../../shared/domain/zoned-time';
import { endedBy } from '../../../shared/schemas/follow-up';
import type { Store } from '../../storage/repositories/index';
import { closeStillOpen, insertRuleMade, OPEN_RULE_MADE, type RuleMade } from './rule-writes';

const KINDS: readonly CadenceKind[] = ['touch', 'visit'];

/**
 * The cadence engine for one organisation (shared/domain/cadence-rule): a follow-up for each
 * customer whose touch or visit is due today in the organisation's zone, made once per period
 * (dedupe key); and the open ones of a past period, whose customer was touched or visited since
 * by any means (mail, import, a visit report), ended as "touched". Touches count once they have
 * happened by `now` (a calendar meeting still to come does not hold the follow-up back).
 */
export async function runCadence(store: Store, orgId: string, now: Date, signal?: AbortSignal) {
  const settings = await store.repos.orgSettings.effective(orgId);
  const today = localDateOf(now, settings.timeZone);
  const facts = await store.repos.followUpRules.cadenceFacts(orgId, now);
  const byCustomer = new Map(facts.map((f) => [f.customerId, f]));

  const stale = (await store.repos.followUps.listOpenCadence(orgId)).flatMap((open) => {
    const f = byCustomer.get(open.customerId);
    const kind: CadenceKind = open.purpose === CADENCE_PURPOSE.visit ? 'visit' : 'touch';
    // Declassified or unowned since: leave it to the person who has it.
    if (!f || open.dedupeKey === cadenceDedupeKey(f.customerId, kind, cadenceAnchor(f, kind, settings.timeZone))) return [];
    const touchedAt = (kind === 'visit' ? f.lastVisitAt : f.lastTouchAt) ?? now.toISOString();
    return [{ id: open.id, end: endedBy('touch', touchedAt) }];
  });
  const ended = await closeStillOpen(store, orgId, stale, 'job.cadence-follow-ups');

  const made: RuleMade[] = [];
  for (const f of facts) {
    for (const kind of KINDS) {
      const due = cadenceDue(f, kind, today, settings);
      if (!due) continue;
      made.push({
        dedupeKey: due.dedupeKey,
        row: {
          ...OPEN_RULE_MADE,
          id: uuidv7(),
          customerId: f.customerId,
          contactId: null,
          ownerUserId: f.ownerUserId,
          dueAt: due.dueAt.toISOString(),
          purpose: CADENCE_PURPOSE[kind],
          source: 'cadence',
          sourceId: null,
          occasion: null,
        },
      });
    }
  }
  return { created: await insertRuleMade(store, orgId, made, 'job.cadence-follow-ups', signal), ended };
}

import type { FollowUpWrite } from '../../../shared/domain/service-effects';
import type { RuleFollowUp } from '../../../shared/domain/rule-follow-up';
import type { Repositories } from '../../storage/repositories/index';

/**
 * Stores the follow-ups the service and visit rules computed (shared/domain), each with its change
 * log entry. A rule-made row is inserted once per dedupe key, so a replay or a second device's
 * identical change leaves the first one.
 */
export async function writeFollowUps(repos: Repositories, orgId: string, writes: readonly FollowUpWrite[]): Promise<void> {
  for (const write of writes) {
    if ('create' in write) await insertRuleFollowUp(repos, orgId, write.create);
    else {
      await repos.followUps.update(orgId, write.update.id, write.update.patch);
      await repos.changeLog.append(orgId, 'followUp', write.update.id, 'upsert');
    }
  }
}

export async function insertRuleFollowUp(repos: Repositories, orgId: string, made: RuleFollowUp): Promise<void> {
  if (await repos.followUps.insertRuleMade(orgId, made.row, made.dedupeKey)) {
    await repos.changeLog.append(orgId, 'followUp', made.row.id, 'upsert');
  }
}

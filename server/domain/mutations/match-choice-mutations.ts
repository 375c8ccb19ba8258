import { matchKeyOf } from '../../../shared/domain/email';
import { matchChoiceId } from '../../../shared/domain/match-choice';
import type { Handlers } from './handler';
import { customerFor, Rejection } from './handler';

export const matchChoiceMutations: Pick<Handlers, 'matchChoice.set'> = {
  // Keyed by user and match key, so `Ann+x@acme.com` and `ann@acme.com` share one choice and a
  // later choice replaces the earlier one under the same id on every device.
  async 'matchChoice.set'(repos, user, { address, customerId }) {
    const scope = await customerFor(repos, user, customerId, 'matchChoice');
    if (scope instanceof Rejection) return scope;
    const addressKey = matchKeyOf(address);
    const id = await matchChoiceId(user.id, addressKey);
    await repos.matchChoices.upsert({ id, orgId: user.orgId, userId: user.id, addressKey, customerId });
    await repos.changeLog.append(user.orgId, 'matchChoice', id, 'upsert');
    return null;
  },
};

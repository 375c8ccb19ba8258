import { MAX_TOUCH_AHEAD_MS } from '../../../shared/schemas/interaction';
import { endedBy, type FollowUpPurpose } from '../../../shared/schemas/follow-up';
import { checkContactOf } from './follow-up-mutations';
import type { Handlers } from './handler';
import { customerFor, Rejection } from './handler';

/** What a logged touch ends: any touch the touch cadence, a meeting or visit the visit cadence too. */
export function cadencePurposesEndedBy(kind: 'call' | 'email' | 'meeting' | 'visit'): FollowUpPurpose[] {
  return kind === 'meeting' || kind === 'visit' ? ['cadence_touch', 'cadence_visit'] : ['cadence_touch'];
}

export const interactionMutations: Pick<Handlers, 'interaction.log'> = {
  // Append-only like a note; the cadence follow-ups it ends are ended once (closeOpenOfCustomer).
  async 'interaction.log'(repos, user, i) {
    const scope = await customerFor(repos, user, i.customerId, 'timelineItem');
    if (scope instanceof Rejection) return scope;
    if (await repos.timelineItems.exists(i.id)) return new Rejection('conflict', 'A timeline item with this id already exists.');
    if (Date.parse(i.occurredAt) > Date.now() + MAX_TOUCH_AHEAD_MS) {
      return new Rejection('invalid', 'A touch cannot be in the future: give the time it happened.');
    }
    const contactIds = [...new Set(i.contactIds)];
    const problem = await checkContactOf(repos, user, i.customerId, contactIds);
    if (problem) return problem;
    await repos.timelineItems.insert(user.orgId, {
      id: i.id,
      customerId: i.customerId,
      kind: i.kind,
      occurredAt: i.occurredAt,
      authorUserId: user.id,
      contactIds,
      summary: i.summary,
      sourceRef: i.sourceRef,
      private: false,
    });
    // Row locks first, the change log's organisation lock last (as every writer does): the
    // cadence job ends the same rows in that order, so the two can never deadlock.
    const end = endedBy('touch', new Date().toISOString(), user.id);
    const ended = await repos.followUps.closeOpenOfCustomer(user.orgId, i.customerId, cadencePurposesEndedBy(i.kind), end);
    await repos.changeLog.append(user.orgId, 'timelineItem', i.id, 'upsert');
    for (const id of ended) await repos.changeLog.append(user.orgId, 'followUp', id, 'upsert');
    return null;
  },
};

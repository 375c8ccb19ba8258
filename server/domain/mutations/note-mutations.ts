import type { Handlers } from './handler';
import { customerFor, Rejection } from './handler';

export const noteMutations: Pick<Handlers, 'note.create'> = {
  // Append-only: a note never conflicts with another change; only its id must be new. Anyone who
  // sees the customer may write one (a support lead too): its author always sees it.
  async 'note.create'(repos, user, n) {
    const scope = await customerFor(repos, user, n.customerId, 'timelineItem');
    if (scope instanceof Rejection) return scope;
    if (await repos.timelineItems.exists(n.id)) return new Rejection('conflict', 'A note with this id already exists.');
    const contactIds = [...new Set(n.contactIds)];
    const contacts = await repos.contacts.listByIds(user.orgId, contactIds);
    if (contacts.length !== contactIds.length || contacts.some((c) => c.customerId !== n.customerId || c.deleted)) {
      return new Rejection('invalid', 'The note names a contact who is not a contact of this customer.');
    }
    await repos.timelineItems.insert(user.orgId, {
      id: n.id,
      customerId: n.customerId,
      kind: 'note',
      occurredAt: n.occurredAt,
      authorUserId: user.id,
      contactIds,
      summary: n.summary,
      sourceRef: n.sourceRef,
      private: n.private,
    });
    await repos.changeLog.append(user.orgId, 'timelineItem', n.id, 'upsert');
    return null;
  },
};

import type { Handlers } from './handler';
import { checkCustomer, Rejection } from './handler';

export const noteMutations: Pick<Handlers, 'note.create'> = {
  // Append-only: a note never conflicts with another change; only its id must be new.
  async 'note.create'(repos, user, n) {
    const missing = await checkCustomer(repos, user, n.customerId);
    if (missing) return missing;
    if (await repos.timelineItems.exists(n.id)) return new Rejection('conflict', 'A note with this id already exists.');
    const contactIds = [...new Set(n.contactIds)];
    const contacts = await repos.contacts.listByIds(user.orgId, contactIds);
    if (contacts.length !== contactIds.length) {
      return new Rejection('invalid', 'The note names a contact that does not exist.');
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
    });
    await repos.changeLog.append(user.orgId, 'timelineItem', n.id, 'upsert');
    return null;
  },
};

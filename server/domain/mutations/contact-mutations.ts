import { normaliseEmail } from '../../../shared/domain/email';
import type { Handlers } from './handler';
import { checkCustomer, Rejection } from './handler';

/** One spelling per address, each address once (shared/domain/email). */
const normalised = (emails: string[]) => [...new Set(emails.map(normaliseEmail))];

export const contactMutations: Pick<Handlers, 'contact.create' | 'contact.update' | 'contact.delete'> = {
  async 'contact.create'(repos, user, c) {
    const missing = await checkCustomer(repos, user, c.customerId);
    if (missing) return missing;
    if (await repos.contacts.exists(c.id)) return new Rejection('conflict', 'A contact with this id already exists.');
    await repos.contacts.insert(user.orgId, { ...c, emails: normalised(c.emails) });
    await repos.changeLog.append(user.orgId, 'contact', c.id, 'upsert');
    return null;
  },

  // Field-level last writer wins, like customers. Moving to another customer needs that one live.
  async 'contact.update'(repos, user, { id, patch }) {
    const contact = await repos.contacts.get(user.orgId, id);
    if (!contact) return new Rejection('not_found', 'This contact does not exist.');
    if (contact.deleted) return new Rejection('not_found', 'This contact has been deleted.');
    if (patch.customerId !== undefined && patch.customerId !== contact.customerId) {
      const missing = await checkCustomer(repos, user, patch.customerId);
      if (missing) return missing;
    }
    const emails = patch.emails === undefined ? {} : { emails: normalised(patch.emails) };
    await repos.contacts.applyPatch(user.orgId, id, { ...patch, ...emails });
    await repos.changeLog.append(user.orgId, 'contact', id, 'upsert');
    return null;
  },

  async 'contact.delete'(repos, user, { id }) {
    const contact = await repos.contacts.get(user.orgId, id);
    if (!contact) return new Rejection('not_found', 'This contact does not exist.');
    // Deleted twice, or with its customer: the outcome wanted already holds.
    if (contact.deleted) return null;
    await repos.contacts.softDelete(user.orgId, id);
    await repos.changeLog.append(user.orgId, 'contact', id, 'delete');
    return null;
  },
};

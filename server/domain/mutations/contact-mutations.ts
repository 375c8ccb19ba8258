import { normaliseEmail } from '../../../shared/domain/email';
import type { Handlers } from './handler';
import { customerFor, Rejection } from './handler';

/** One spelling per address, each address once (shared/domain/email). */
const normalised = (emails: string[]) => [...new Set(emails.map(normaliseEmail))];
const CONTACT_MISSING = new Rejection('not_found', 'This contact does not exist.');

export const contactMutations: Pick<Handlers, 'contact.create' | 'contact.update' | 'contact.delete'> = {
  async 'contact.create'(repos, user, c) {
    const scope = await customerFor(repos, user, c.customerId, 'contact');
    if (scope instanceof Rejection) return scope;
    if (await repos.contacts.exists(c.id)) return new Rejection('conflict', 'A contact with this id already exists.');
    await repos.contacts.insert(user.orgId, { ...c, emails: normalised(c.emails) });
    await repos.changeLog.append(user.orgId, 'contact', c.id, 'upsert');
    return null;
  },

  // Field-level last writer wins, like customers. Moving to another customer needs both customers.
  async 'contact.update'(repos, user, { id, patch }) {
    const contact = await repos.contacts.get(user.orgId, id);
    if (!contact) return CONTACT_MISSING;
    const scope = await customerFor(repos, user, contact.customerId, 'contact');
    // A contact of a customer this user may not see does not exist for them either.
    if (scope instanceof Rejection) return scope.code === 'not_found' ? CONTACT_MISSING : scope;
    if (contact.deleted) return new Rejection('not_found', 'This contact has been deleted.');
    if (patch.customerId !== undefined && patch.customerId !== contact.customerId) {
      const target = await customerFor(repos, user, patch.customerId, 'contact');
      if (target instanceof Rejection) return target;
    }
    const emails = patch.emails === undefined ? {} : { emails: normalised(patch.emails) };
    await repos.contacts.applyPatch(user.orgId, id, { ...patch, ...emails });
    await repos.changeLog.append(user.orgId, 'contact', id, 'upsert');
    return null;
  },

  async 'contact.delete'(repos, user, { id }) {
    const contact = await repos.contacts.get(user.orgId, id);
    if (!contact) return CONTACT_MISSING;
    // Deleted twice, or with its customer: the outcome wanted already holds.
    if (contact.deleted) return null;
    const scope = await customerFor(repos, user, contact.customerId, 'contact');
    if (scope instanceof Rejection) return scope.code === 'not_found' ? CONTACT_MISSING : scope;
    await repos.contacts.softDelete(user.orgId, id);
    await repos.changeLog.append(user.orgId, 'contact', id, 'delete');
    return null;
  },
};

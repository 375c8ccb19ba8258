import type { Handlers } from './handler';
import { onlyAdmins, Rejection } from './handler';

export const customFieldMutations: Pick<Handlers, 'customField.save' | 'customField.delete'> = {
  /** Creates or changes a definition. The type may change; values already stored stay as they are. */
  async 'customField.save'(repos, user, d) {
    const forbidden = onlyAdmins(user, 'change custom fields');
    if (forbidden) return forbidden;
    const existing = await repos.customFieldDefinitions.get(user.orgId, d.id);
    if (!existing && (await repos.customFieldDefinitions.exists(d.id))) {
      return new Rejection('conflict', 'A custom field with this id already exists.');
    }
    if (existing?.deleted) return new Rejection('not_found', 'This custom field has been deleted.');
    if (existing && existing.key !== d.key) {
      return new Rejection('invalid', `The key of a custom field cannot change (it is "${existing.key}").`);
    }
    const live = await repos.customFieldDefinitions.listLive(user.orgId);
    if (live.some((other) => other.key === d.key && other.id !== d.id)) {
      return new Rejection('conflict', `Another custom field already has key "${d.key}".`);
    }
    if (existing) await repos.customFieldDefinitions.update(user.orgId, d);
    else await repos.customFieldDefinitions.insert(user.orgId, d);
    await repos.changeLog.append(user.orgId, 'customField', d.id, 'upsert');
    return null;
  },

  async 'customField.delete'(repos, user, { id }) {
    const forbidden = onlyAdmins(user, 'change custom fields');
    if (forbidden) return forbidden;
    const existing = await repos.customFieldDefinitions.get(user.orgId, id);
    if (!existing) return new Rejection('not_found', 'This custom field does not exist.');
    if (existing.deleted) return null;
    await repos.customFieldDefinitions.softDelete(user.orgId, id);
    await repos.changeLog.append(user.orgId, 'customField', id, 'delete');
    return null;
  },
};

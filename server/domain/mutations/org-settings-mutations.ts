import type { Handlers } from './handler';
import { onlyAdmins } from './handler';

export const orgSettingsMutations: Pick<Handlers, 'orgSettings.update'> = {
  // The row's id is the organisation's: one per organisation, replicated to every member.
  async 'orgSettings.update'(repos, user, patch) {
    const forbidden = onlyAdmins(user, 'change the organisation settings');
    if (forbidden) return forbidden;
    await repos.orgSettings.applyPatch(user.orgId, patch);
    await repos.changeLog.append(user.orgId, 'orgSettings', user.orgId, 'upsert');
    return null;
  },
};

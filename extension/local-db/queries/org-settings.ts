import { DEFAULT_ORG_SETTINGS, type OrgSettingsFields } from '../../../shared/schemas/org-settings';
import type { LocalDb } from '../db';
import { getMeta } from '../meta';

/**
 * The organisation's rules as the replica knows them (the signed-in organisation's synced row,
 * or the defaults while the admin has changed nothing), so the sidebar, the options page and the
 * service clocks compute with the numbers the server uses.
 */
export async function orgSettingsOf(db: LocalDb): Promise<OrgSettingsFields> {
  const orgId = (await getMeta(db, 'session'))?.organisationId;
  const row = orgId ? await db.orgSettings.get(orgId) : undefined;
  if (!row) return DEFAULT_ORG_SETTINGS;
  const { id: _id, updatedAt: _u, version: _v, ...fields } = row;
  return { ...DEFAULT_ORG_SETTINGS, ...fields };
}

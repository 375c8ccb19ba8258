import { DEFAULT_ORG_SETTINGS, type OrgSettingsFields } from '../../../shared/schemas/org-settings';
import type { LocalDb } from '../db';

/**
 * The organisation's rules as the replica knows them (the one synced row, or the defaults while
 * the admin has changed nothing), so the sidebar computes clocks and due times with the numbers
 * the server uses.
 */
export async function orgSettingsOf(db: LocalDb): Promise<OrgSettingsFields> {
  const [row] = await db.orgSettings.toArray();
  if (!row) return DEFAULT_ORG_SETTINGS;
  const { id: _id, updatedAt: _u, version: _v, ...fields } = row;
  return fields;
}

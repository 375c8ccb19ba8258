import { v7 as uuidv7 } from 'uuid';
import { DEFAULT_ORG_SETTINGS, type OrgSettingsPatch } from '../../../shared/schemas/org-settings';
import type { LocalDb } from '../db';
import { getMeta } from '../meta';
import { outboxEntry } from './outbox-entry';

/**
 * Admin only (the server refuses anyone else): groups of the organisation's rules + the
 * orgSettings.update entry, in one transaction. The row's id is the organisation's.
 */
export async function updateOrgSettings(db: LocalDb, patch: OrgSettingsPatch): Promise<void> {
  const session = await getMeta(db, 'session');
  if (!session) throw new Error('not signed in: settings belong to an organisation');
  const now = new Date().toISOString();
  const orgId = session.organisationId;
  const entry = outboxEntry({ id: uuidv7(), kind: 'orgSettings.update', baseVersion: null, payload: patch }, 'orgSettings', orgId, now);
  if (entry.mutation.kind !== 'orgSettings.update') throw new Error('unreachable');
  const parsed = entry.mutation.payload;
  await db.transaction('rw', [db.orgSettings, db.outbox], async () => {
    const current = await db.orgSettings.get(orgId);
    const base = current ?? { ...DEFAULT_ORG_SETTINGS, id: orgId, updatedAt: now, version: 0 };
    await db.orgSettings.put({ ...base, ...parsed, updatedAt: now });
    // null: the organisation ran on the defaults; dismissing a refused change goes back to them.
    await db.outbox.add({ ...entry, previousRow: current ?? null });
  });
}

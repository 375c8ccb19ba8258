import {
  DEFAULT_ORG_SETTINGS,
  orgSettingsFieldsSchema,
  type OrgSettings,
  type OrgSettingsFields,
  type OrgSettingsPatch,
} from '../../../shared/schemas/org-settings';
import type { Queryable } from '../database';
import { toIso, toNumber } from './row-mapping';

export type OrgSettingsRow = OrgSettings & { orgId: string };

type Raw = { org_id: string; settings: unknown; version: unknown; updated_at: unknown };

/**
 * Stored settings laid over today's defaults: a setting added after the row was written reads
 * as its default, and a stored value that no longer parses (a rule tightened since) falls back
 * to the default rather than breaking every job of the organisation.
 */
function withDefaults(stored: unknown): OrgSettingsFields {
  const merged = { ...DEFAULT_ORG_SETTINGS, ...(typeof stored === 'object' && stored ? stored : {}) };
  const parsed = orgSettingsFieldsSchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_ORG_SETTINGS;
}

const map = (r: Raw): OrgSettingsRow => ({
  ...withDefaults(r.settings),
  id: r.org_id,
  orgId: r.org_id,
  version: toNumber(r.version),
  updatedAt: toIso(r.updated_at),
});

export function orgSettingsRepository(q: Queryable) {
  return {
    /** The organisation's settings row, or null while it still runs on the defaults. */
    async find(orgId: string): Promise<OrgSettingsRow | null> {
      const rows = await q.query<Raw>('SELECT org_id, settings, version, updated_at FROM org_settings WHERE org_id = $1', [orgId]);
      return rows[0] ? map(rows[0]) : null;
    },
    /** What the rules run on: the stored settings, or the defaults. */
    async effective(orgId: string): Promise<OrgSettingsFields> {
      const row = await this.find(orgId);
      return row ?? DEFAULT_ORG_SETTINGS;
    },
    async listByIds(orgId: string, ids: string[]): Promise<OrgSettingsRow[]> {
      return ids.includes(orgId) ? [await this.find(orgId)].filter((r): r is OrgSettingsRow => r !== null) : [];
    },
    /** Whole groups replace the stored ones (last writer wins per group). */
    async applyPatch(orgId: string, patch: OrgSettingsPatch): Promise<void> {
      await q.query(
        `INSERT INTO org_settings (org_id, settings) VALUES ($1, $2::jsonb)
         ON CONFLICT (org_id) DO UPDATE
           SET settings = org_settings.settings || EXCLUDED.settings, version = org_settings.version + 1, updated_at = now()`,
        [orgId, JSON.stringify(patch)],
      );
    },
  };
}

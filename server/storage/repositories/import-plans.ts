import type { Queryable } from '../database';
import { toIso, toIsoOrNull } from './row-mapping';

export type ImportPlanRow = {
  id: string;
  orgId: string;
  userId: string;
  pass: string;
  fileName: string;
  report: unknown;
  operations: unknown;
  expiresAt: string;
  appliedAt: string | null;
  expired: boolean;
};

export function importPlansRepository(q: Queryable) {
  return {
    async insert(p: { id: string; orgId: string; userId: string; pass: string; fileName: string; report: unknown; operations: unknown; expiresAt: Date }) {
      await q.query(
        `INSERT INTO import_plans (id, org_id, user_id, pass, file_name, report, operations, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8)`,
        [p.id, p.orgId, p.userId, p.pass, p.fileName, JSON.stringify(p.report), JSON.stringify(p.operations), p.expiresAt],
      );
    },
    /** Locks the plan to the end of the transaction: two applies of one plan take turns. */
    async getForUpdate(orgId: string, id: string): Promise<ImportPlanRow | null> {
      const rows = await q.query<Record<string, unknown>>(
        `SELECT id, org_id, user_id, pass, file_name, report, operations, expires_at, applied_at,
                expires_at <= now() AS expired
           FROM import_plans WHERE org_id = $1 AND id = $2 FOR UPDATE`,
        [orgId, id],
      );
      const r = rows[0];
      if (!r) return null;
      return {
        id: r.id as string,
        orgId: r.org_id as string,
        userId: r.user_id as string,
        pass: r.pass as string,
        fileName: r.file_name as string,
        report: r.report,
        operations: r.operations,
        expiresAt: toIso(r.expires_at),
        appliedAt: toIsoOrNull(r.applied_at),
        expired: r.expired === true,
      };
    },
    async markApplied(id: string): Promise<void> {
      await q.query('UPDATE import_plans SET applied_at = now() WHERE id = $1', [id]);
    },
    /** Expired plans that were never applied, and their operations, are of no further use. */
    async deleteExpired(): Promise<void> {
      await q.query('DELETE FROM import_plans WHERE expires_at < now() AND applied_at IS NULL');
    },
  };
}

import type { AuditEvent } from '../../../shared/schemas/audit';
import type { Queryable } from '../database';
import { toIso } from './row-mapping';

type Raw = {
  id: unknown;
  at: unknown;
  user_id: string | null;
  user_name: string | null;
  session_id: string | null;
  device: string | null;
  action: string | null;
  entity: string;
  entity_id: string;
  op: AuditEvent['op'];
  changes: AuditEvent['changes'];
};

/**
 * Reads the audit trail. There is deliberately no insert, update or delete here: rows are written
 * by the audit_row trigger (migration 0007) and the table refuses UPDATE and DELETE.
 */
export function auditEventsRepository(q: Queryable) {
  return {
    /** Newest first, before the `beforeId` cursor, optionally one record's or one person's. */
    async page(
      orgId: string,
      filter: { beforeId: string | null; limit: number; entityId?: string | undefined; userId?: string | undefined },
    ): Promise<AuditEvent[]> {
      const rows = await q.query<Raw>(
        `SELECT a.id, a.at, a.user_id, u.display_name AS user_name, a.session_id, a.device, a.action,
                a.entity, a.entity_id, a.op, a.changes
           FROM audit_events a LEFT JOIN users u ON u.id = a.user_id
          WHERE a.org_id = $1 AND ($2::bigint IS NULL OR a.id < $2::bigint)
            AND ($3::uuid IS NULL OR a.entity_id = $3::uuid) AND ($4::uuid IS NULL OR a.user_id = $4::uuid)
          ORDER BY a.id DESC LIMIT $5`,
        [orgId, filter.beforeId, filter.entityId ?? null, filter.userId ?? null, filter.limit],
      );
      return rows.map((r) => ({
        id: String(r.id),
        at: toIso(r.at),
        userId: r.user_id,
        userName: r.user_name,
        device: r.device,
        sessionId: r.session_id,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        op: r.op,
        changes: r.changes,
      }));
    },
  };
}

import type { Entity } from '../../../shared/schemas/sync';
import type { Queryable } from '../database';
import { CUSTOMER_DEPENDENTS } from './customer-dependents';
import { toNumber } from './row-mapping';

export type ChangeOp = 'upsert' | 'delete';
export type ChangeLogEntry = { seq: number; entity: Entity; entityId: string; op: ChangeOp };

export function changeLogRepository(q: Queryable) {
  return {
    /**
     * Appends one entry with the organisation's next seq. Must run inside the transaction that
     * made the change. The UPDATE takes the organisation row's lock and holds it to COMMIT, so
     * writers of one organisation commit in seq order: once a puller sees seq N, every seq < N
     * is already committed, and advancing the cursor past N can never skip a row that commits
     * late. (A sequence object or max(seq)+1 would both allow that gap.)
     */
    async append(orgId: string, entity: Entity, entityId: string, op: ChangeOp): Promise<number> {
      // One statement (one round trip): the bump and the entry, as appendMany's two are.
      const rows = await q.query<{ seq: unknown }>(
        `WITH bump AS (UPDATE organisations SET last_change_seq = last_change_seq + 1 WHERE id = $1 RETURNING last_change_seq)
         INSERT INTO change_log (org_id, seq, entity, entity_id, op)
         SELECT $1, last_change_seq, $2, $3, $4 FROM bump RETURNING seq`,
        [orgId, entity, entityId, op],
      );
      const seq = toNumber(rows[0]?.seq);
      if (!Number.isSafeInteger(seq) || seq <= 0) throw new Error(`organisation ${orgId} not found for change log`);
      return seq;
    },
    /**
     * Many entries in two statements (bulk import), with consecutive seqs in the given order.
     * Same rule as append: the organisation row stays locked to COMMIT.
     */
    async appendMany(orgId: string, entries: { entity: Entity; entityId: string; op: ChangeOp }[]): Promise<void> {
      if (entries.length === 0) return;
      const rows = await q.query<{ last_change_seq: unknown }>(
        'UPDATE organisations SET last_change_seq = last_change_seq + $2 WHERE id = $1 RETURNING last_change_seq',
        [orgId, entries.length],
      );
      const last = toNumber(rows[0]?.last_change_seq);
      if (!Number.isSafeInteger(last) || last < entries.length) throw new Error(`organisation ${orgId} not found for change log`);
      await q.query(
        `INSERT INTO change_log (org_id, seq, entity, entity_id, op)
         SELECT $1, $2::bigint + t.n - 1, t.entity, t.entity_id, t.op
           FROM unnest($3::text[], $4::uuid[], $5::text[]) WITH ORDINALITY AS t(entity, entity_id, op, n)`,
        [orgId, last - entries.length + 1, entries.map((e) => e.entity), entries.map((e) => e.entityId), entries.map((e) => e.op)],
      );
    },
    /**
     * Puts every live row belonging to these customers back into the log (one statement, however
     * many rows): who may see the customers changed, so each puller must get them again as rows
     * or as tombstones. Same locking rule as append. Returns the number of entries.
     */
    async appendDependentsOf(orgId: string, customerIds: string[]): Promise<number> {
      if (customerIds.length === 0) return 0;
      const union = CUSTOMER_DEPENDENTS.map(
        (d) => `SELECT '${d.entity}'::text AS entity, id FROM ${d.table}
                 WHERE org_id = $1 AND customer_id = ANY($2::uuid[]) AND deleted_at IS NULL`,
      ).join(' UNION ALL ');
      const rows = await q.query<{ n: unknown }>(
        `WITH deps AS (${union}),
              numbered AS (SELECT entity, id, row_number() OVER (ORDER BY entity, id) AS n FROM deps),
              bump AS (UPDATE organisations SET last_change_seq = last_change_seq + (SELECT count(*) FROM deps)
                        WHERE id = $1 RETURNING last_change_seq),
              written AS (INSERT INTO change_log (org_id, seq, entity, entity_id, op)
                          SELECT $1, bump.last_change_seq - (SELECT count(*) FROM deps) + numbered.n, numbered.entity, numbered.id, 'upsert'
                            FROM numbered, bump RETURNING 1)
         SELECT count(*) AS n FROM written`,
        [orgId, customerIds],
      );
      return toNumber(rows[0]?.n ?? 0);
    },
    /**
     * Log entries after `afterSeq` together with the organisation's counters, in ONE statement:
     * one snapshot, so the page and `logFloorSeq` agree. Compaction deletes entries and raises
     * the floor in one transaction; a page read before it committed is whole, one read after
     * sees the raised floor. Null when the organisation does not exist.
     */
    async page(
      orgId: string,
      afterSeq: number,
      limit: number,
    ): Promise<{ org: { lastChangeSeq: number; logFloorSeq: number }; entries: ChangeLogEntry[] } | null> {
      const rows = await q.query<{ last_change_seq: unknown; log_floor_seq: unknown; seq: unknown; entity: Entity | null; entity_id: string; op: ChangeOp }>(
        `SELECT o.last_change_seq, o.log_floor_seq, c.seq, c.entity, c.entity_id, c.op
           FROM organisations o
           LEFT JOIN LATERAL (SELECT seq, entity, entity_id, op FROM change_log
                               WHERE org_id = o.id AND seq > $2 ORDER BY seq LIMIT $3) c ON true
          WHERE o.id = $1
          ORDER BY c.seq`,
        [orgId, afterSeq, limit],
      );
      const first = rows[0];
      if (!first) return null;
      return {
        org: { lastChangeSeq: toNumber(first.last_change_seq), logFloorSeq: toNumber(first.log_floor_seq) },
        entries: rows
          .filter((r) => r.entity !== null)
          .map((r) => ({ seq: toNumber(r.seq), entity: r.entity!, entityId: r.entity_id, op: r.op })),
      };
    },
    async count(orgId: string): Promise<number> {
      const rows = await q.query<{ n: unknown }>('SELECT count(*) AS n FROM change_log WHERE org_id = $1', [orgId]);
      return toNumber(rows[0]?.n ?? 0);
    },
    /** Entries for which a later entry of the same entity exists: a puller loses nothing. */
    async deleteSuperseded(orgId: string): Promise<number> {
      const rows = await q.query(
        `DELETE FROM change_log c WHERE c.org_id = $1 AND EXISTS (
           SELECT 1 FROM change_log later
            WHERE later.org_id = c.org_id AND later.entity = c.entity
              AND later.entity_id = c.entity_id AND later.seq > c.seq)
         RETURNING seq`,
        [orgId],
      );
      return rows.length;
    },
    /** Tombstones older than `before`; returns the highest seq removed (the new floor) or 0. */
    async deleteTombstonesBefore(orgId: string, before: Date): Promise<number> {
      const rows = await q.query<{ seq: unknown }>(
        `DELETE FROM change_log WHERE org_id = $1 AND op = 'delete' AND created_at < $2 RETURNING seq`,
        [orgId, before],
      );
      return rows.reduce((max, r) => Math.max(max, toNumber(r.seq)), 0);
    },
  };
}

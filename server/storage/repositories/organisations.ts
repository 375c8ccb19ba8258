import type { Queryable } from '../database';
import { toNumber } from './row-mapping';

export type OrganisationRow = { id: string; name: string; lastChangeSeq: number; logFloorSeq: number };

const columns = 'id, name, last_change_seq, log_floor_seq';
type Raw = { id: string; name: string; last_change_seq: unknown; log_floor_seq: unknown };
const map = (r: Raw): OrganisationRow => ({
  id: r.id,
  name: r.name,
  lastChangeSeq: toNumber(r.last_change_seq),
  logFloorSeq: toNumber(r.log_floor_seq),
});

// Any constant other than migrate.ts's; the same in every process sharing the database.
const FIRST_START_LOCK_KEY = 7_231_005;

export function organisationsRepository(q: Queryable) {
  return {
    async insert(id: string, name: string): Promise<void> {
      await q.query('INSERT INTO organisations (id, name) VALUES ($1, $2)', [id, name]);
    },
    async get(id: string): Promise<OrganisationRow | null> {
      const rows = await q.query<Raw>(`SELECT ${columns} FROM organisations WHERE id = $1`, [id]);
      return rows[0] ? map(rows[0]) : null;
    },
    /** Serialises first starts (auth-service createFirstOrganisation); held to the end of the transaction. */
    async lockFirstStart(): Promise<void> {
      await q.query('SELECT pg_advisory_xact_lock($1)', [FIRST_START_LOCK_KEY]);
    },
    async count(): Promise<number> {
      const rows = await q.query<{ n: unknown }>('SELECT count(*) AS n FROM organisations');
      return toNumber(rows[0]?.n ?? 0);
    },
    /** Every organisation, for background jobs that run per organisation. */
    async listIds(): Promise<string[]> {
      const rows = await q.query<{ id: string }>('SELECT id FROM organisations ORDER BY id');
      return rows.map((r) => r.id);
    },
    async raiseLogFloor(id: string, seq: number): Promise<void> {
      await q.query('UPDATE organisations SET log_floor_seq = GREATEST(log_floor_seq, $2) WHERE id = $1', [id, seq]);
    },
  };
}

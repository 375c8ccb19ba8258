import type { Member, Role } from '../../../shared/schemas/member';
import type { Queryable } from '../database';

export type UserRow = Member & { orgId: string; deactivated: boolean };

const columns = 'id, org_id, email, display_name, role, deactivated_at';
type Raw = { id: string; org_id: string; email: string; display_name: string; role: Role; deactivated_at: unknown };
const map = (r: Raw): UserRow => ({
  id: r.id,
  orgId: r.org_id,
  email: r.email,
  displayName: r.display_name,
  role: r.role,
  deactivated: r.deactivated_at !== null,
});

export function usersRepository(q: Queryable) {
  return {
    async insert(user: { id: string; orgId: string; email: string; displayName: string; role: Role }) {
      await q.query('INSERT INTO users (id, org_id, email, display_name, role) VALUES ($1, $2, $3, $4, $5)', [
        user.id,
        user.orgId,
        user.email,
        user.displayName,
        user.role,
      ]);
    },
    async get(id: string): Promise<UserRow | null> {
      const rows = await q.query<Raw>(`SELECT ${columns} FROM users WHERE id = $1`, [id]);
      return rows[0] ? map(rows[0]) : null;
    },
    /** Every user with this (normalised) address, in any organisation. */
    async findByEmail(email: string): Promise<UserRow[]> {
      const rows = await q.query<Raw>(`SELECT ${columns} FROM users WHERE email = $1 ORDER BY id`, [email]);
      return rows.map(map);
    },
    async findInOrg(orgId: string, email: string): Promise<UserRow | null> {
      const rows = await q.query<Raw>(`SELECT ${columns} FROM users WHERE org_id = $1 AND email = $2`, [orgId, email]);
      return rows[0] ? map(rows[0]) : null;
    },
    async listByIds(orgId: string, ids: string[]): Promise<UserRow[]> {
      const rows = await q.query<Raw>(`SELECT ${columns} FROM users WHERE org_id = $1 AND id = ANY($2::uuid[])`, [
        orgId,
        ids,
      ]);
      return rows.map(map);
    },
    /** Every address of the organisation's people, former ones included: their mail is our side of a thread. */
    async emailsInOrg(orgId: string): Promise<string[]> {
      const rows = await q.query<{ email: string }>('SELECT email FROM users WHERE org_id = $1 ORDER BY email', [orgId]);
      return rows.map((r) => r.email);
    },
    async setDeactivated(id: string, deactivated: boolean): Promise<void> {
      await q.query(
        `UPDATE users SET deactivated_at = CASE WHEN $2 THEN now() ELSE NULL END, updated_at = now() WHERE id = $1`,
        [id, deactivated],
      );
    },
  };
}

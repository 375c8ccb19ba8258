import type { Member, Role } from '../../../shared/schemas/member';
import type { Queryable } from '../database';
import { toIso, toIsoOrNull, toNumber } from './row-mapping';

export type UserRow = Member & { orgId: string; scopeVersion: number };

const columns = 'id, org_id, email, display_name, role, department_id, deactivated_at, scope_version';
/** The user columns qualified by a table alias, for queries that join users (auth-tokens.ts). */
export const userColumnsOf = (alias: string) => columns.split(', ').map((c) => `${alias}.${c}`).join(', ');
export type UserRaw = {
  id: string;
  org_id: string;
  email: string;
  display_name: string;
  role: Role;
  department_id: string | null;
  deactivated_at: unknown;
  scope_version: unknown;
};
export const mapUser = (r: UserRaw): UserRow => ({
  id: r.id,
  orgId: r.org_id,
  email: r.email,
  displayName: r.display_name,
  role: r.role,
  departmentId: r.department_id,
  active: r.deactivated_at === null,
  scopeVersion: toNumber(r.scope_version),
});

export type UserUpdate = { role?: Role; departmentId?: string | null; displayName?: string };

export function usersRepository(q: Queryable) {
  return {
    async insert(user: { id: string; orgId: string; email: string; displayName: string; role: Role; departmentId?: string | null }) {
      await q.query(
        'INSERT INTO users (id, org_id, email, display_name, role, department_id) VALUES ($1, $2, $3, $4, $5, $6)',
        [user.id, user.orgId, user.email, user.displayName, user.role, user.departmentId ?? null],
      );
    },
    async get(id: string): Promise<UserRow | null> {
      const rows = await q.query<UserRaw>(`SELECT ${columns} FROM users WHERE id = $1`, [id]);
      return rows[0] ? mapUser(rows[0]) : null;
    },
    /** Every user with this (normalised) address, in any organisation. */
    async findByEmail(email: string): Promise<UserRow[]> {
      const rows = await q.query<UserRaw>(`SELECT ${columns} FROM users WHERE email = $1 ORDER BY id`, [email]);
      return rows.map(mapUser);
    },
    async findInOrg(orgId: string, email: string): Promise<UserRow | null> {
      const rows = await q.query<UserRaw>(`SELECT ${columns} FROM users WHERE org_id = $1 AND email = $2`, [orgId, email]);
      return rows[0] ? mapUser(rows[0]) : null;
    },
    async listByIds(orgId: string, ids: string[]): Promise<UserRow[]> {
      const rows = await q.query<UserRaw>(`SELECT ${columns} FROM users WHERE org_id = $1 AND id = ANY($2::uuid[])`, [
        orgId,
        ids,
      ]);
      return rows.map(mapUser);
    },
    /** The admin's list: everyone of the organisation with their newest session use. */
    async listWithSessions(orgId: string) {
      const rows = await q.query<UserRaw & { created_at: unknown; last_active_at: unknown; active_sessions: unknown }>(
        `SELECT ${userColumnsOf('u')}, u.created_at,
                max(t.last_used_at) AS last_active_at,
                count(t.id) FILTER (WHERE t.revoked_at IS NULL AND t.expires_at > now()) AS active_sessions
           FROM users u LEFT JOIN auth_tokens t ON t.user_id = u.id
          WHERE u.org_id = $1
          GROUP BY u.id ORDER BY lower(u.display_name), u.email`,
        [orgId],
      );
      return rows.map((r) => ({
        ...mapUser(r),
        createdAt: toIso(r.created_at),
        lastActiveAt: toIsoOrNull(r.last_active_at),
        activeSessions: toNumber(r.active_sessions),
      }));
    },
    async countInDepartment(orgId: string, departmentId: string): Promise<number> {
      const rows = await q.query<{ n: unknown }>('SELECT count(*) AS n FROM users WHERE org_id = $1 AND department_id = $2', [
        orgId,
        departmentId,
      ]);
      return toNumber(rows[0]?.n ?? 0);
    },
    /**
     * Role or department changes what the user may see as a whole, so their scope version moves
     * on and their replicas re-download (sync-cursor.ts); a new name changes nothing they see.
     */
    async update(orgId: string, id: string, change: UserUpdate): Promise<void> {
      const rescoped = change.role !== undefined || change.departmentId !== undefined;
      await q.query(
        `UPDATE users SET role = coalesce($3, role),
                department_id = CASE WHEN $4 THEN $5::uuid ELSE department_id END,
                display_name = coalesce($6, display_name),
                scope_version = scope_version + CASE WHEN $7 THEN 1 ELSE 0 END,
                updated_at = now()
          WHERE org_id = $1 AND id = $2`,
        [orgId, id, change.role ?? null, change.departmentId !== undefined, change.departmentId ?? null, change.displayName ?? null, rescoped],
      );
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

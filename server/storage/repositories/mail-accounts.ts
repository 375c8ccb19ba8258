import type { Queryable } from '../database';
import { toIso } from './row-mapping';

export type MailAccountStatus = 'active' | 'reconnect' | 'disconnected';
export type StoredAccountSettings = { calendars: { id: string; name: string }[]; mailFolders: { id: string; name: string }[] };

export type MailAccountRow = {
  id: string;
  orgId: string;
  userId: string;
  provider: string;
  address: string;
  displayName: string | null;
  /** Sealed (token-cipher); null once disconnected. */
  refreshTokenSealed: string | null;
  scopes: string;
  status: MailAccountStatus;
  /** 0 private, 1 metadata, 2 subject, 3 full. */
  sharing: number;
  settings: StoredAccountSettings;
  updatedAt: string;
};

const columns = `id, org_id, user_id, provider, address, display_name, refresh_token_enc, scopes, status, sharing,
  settings, updated_at`;
type Raw = {
  id: string;
  org_id: string;
  user_id: string;
  provider: string;
  address: string;
  display_name: string | null;
  refresh_token_enc: string | null;
  scopes: string;
  status: MailAccountStatus;
  sharing: number;
  settings: Partial<StoredAccountSettings> | null;
  updated_at: unknown;
};
const map = (r: Raw): MailAccountRow => ({
  id: r.id,
  orgId: r.org_id,
  userId: r.user_id,
  provider: r.provider,
  address: r.address,
  displayName: r.display_name,
  refreshTokenSealed: r.refresh_token_enc,
  scopes: r.scopes,
  status: r.status,
  sharing: Number(r.sharing),
  settings: { calendars: r.settings?.calendars ?? [], mailFolders: r.settings?.mailFolders ?? [] },
  updatedAt: toIso(r.updated_at),
});

export function mailAccountsRepository(q: Queryable) {
  return {
    /** Connect or reconnect: the same user, provider and address keep one row (and its channels). */
    async upsertConnected(a: {
      id: string;
      orgId: string;
      userId: string;
      provider: string;
      address: string;
      displayName: string | null;
      refreshTokenSealed: string;
      scopes: string;
    }): Promise<MailAccountRow> {
      const rows = await q.query<Raw>(
        `INSERT INTO mail_accounts (id, org_id, user_id, provider, address, display_name, refresh_token_enc, scopes, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'active')
         ON CONFLICT (user_id, provider, address) DO UPDATE SET refresh_token_enc = EXCLUDED.refresh_token_enc,
           scopes = EXCLUDED.scopes, display_name = COALESCE(EXCLUDED.display_name, mail_accounts.display_name),
           status = 'active', updated_at = now()
         RETURNING ${columns}`,
        [a.id, a.orgId, a.userId, a.provider, a.address, a.displayName, a.refreshTokenSealed, a.scopes],
      );
      return map(rows[0]!);
    },
    async get(orgId: string, id: string): Promise<MailAccountRow | null> {
      const rows = await q.query<Raw>(`SELECT ${columns} FROM mail_accounts WHERE org_id = $1 AND id = $2`, [orgId, id]);
      return rows[0] ? map(rows[0]) : null;
    },
    async listByIds(orgId: string, ids: string[]): Promise<MailAccountRow[]> {
      const rows = await q.query<Raw>(`SELECT ${columns} FROM mail_accounts WHERE org_id = $1 AND id = ANY($2::uuid[])`, [orgId, ids]);
      return rows.map(map);
    },
    async listByUser(userId: string): Promise<MailAccountRow[]> {
      const rows = await q.query<Raw>(`SELECT ${columns} FROM mail_accounts WHERE user_id = $1 ORDER BY created_at`, [userId]);
      return rows.map(map);
    },
    async setStatus(id: string, status: MailAccountStatus): Promise<void> {
      await q.query(
        `UPDATE mail_accounts SET status = $2, updated_at = now(),
           refresh_token_enc = CASE WHEN $2 = 'disconnected' THEN NULL ELSE refresh_token_enc END
         WHERE id = $1`,
        [id, status],
      );
    },
    async setRefreshToken(id: string, sealed: string): Promise<void> {
      await q.query('UPDATE mail_accounts SET refresh_token_enc = $2, updated_at = now() WHERE id = $1', [id, sealed]);
    },
    async update(id: string, change: { sharing?: number; settings?: StoredAccountSettings }): Promise<void> {
      await q.query(
        `UPDATE mail_accounts SET sharing = COALESCE($2, sharing), settings = COALESCE($3::jsonb, settings), updated_at = now()
          WHERE id = $1`,
        [id, change.sharing ?? null, change.settings ? JSON.stringify(change.settings) : null],
      );
    },
    /** Every address a mailbox of this organisation has: part of what counts as internal. */
    async addressesOfOrg(orgId: string): Promise<string[]> {
      const rows = await q.query<{ address: string }>(
        'SELECT email AS address FROM users WHERE org_id = $1 UNION SELECT address FROM mail_accounts WHERE org_id = $1',
        [orgId],
      );
      return rows.map((r) => r.address);
    },
  };
}

import type { Queryable } from '../database';

/** Batched versions of the matching lookups (shared/domain/customer-match) for one page of mail. */
export function linkLookupsRepository(q: Queryable) {
  return {
    /** Live contacts holding any of these match keys, with their keys. */
    async contactsByEmailKeys(orgId: string, keys: string[]): Promise<{ id: string; customerId: string; emailKeys: string[] }[]> {
      if (keys.length === 0) return [];
      const rows = await q.query<{ id: string; customer_id: string; email_keys: string[] }>(
        `SELECT id, customer_id, email_keys FROM contacts
          WHERE org_id = $1 AND deleted_at IS NULL AND email_keys && $2::text[] ORDER BY id`,
        [orgId, keys],
      );
      return rows.map((r) => ({ id: r.id, customerId: r.customer_id, emailKeys: r.email_keys }));
    },
    /** Live customers owning any of these domains. */
    async customersByDomains(orgId: string, domains: string[]): Promise<{ id: string; emailDomains: string[] }[]> {
      if (domains.length === 0) return [];
      const rows = await q.query<{ id: string; email_domains: string[] }>(
        `SELECT id, email_domains FROM customers
          WHERE org_id = $1 AND deleted_at IS NULL AND email_domains && $2::text[] ORDER BY id`,
        [orgId, domains],
      );
      return rows.map((r) => ({ id: r.id, emailDomains: r.email_domains }));
    },
    /** The user's remembered picks for ambiguous addresses (issue 3 match choices). */
    async matchChoices(userId: string, keys: string[]): Promise<Map<string, string>> {
      if (keys.length === 0) return new Map();
      const rows = await q.query<{ address_key: string; customer_id: string }>(
        'SELECT address_key, customer_id FROM match_choices WHERE user_id = $1 AND address_key = ANY($2::text[])',
        [userId, keys],
      );
      return new Map(rows.map((r) => [r.address_key, r.customer_id]));
    },
  };
}

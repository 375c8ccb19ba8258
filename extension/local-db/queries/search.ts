import type { Member } from '../../../shared/schemas/member';
import type { LocalDb } from '../db';
import type { LocalContact, LocalCustomer } from '../local-rows';
import { compareRanked, contactRank, customerRank, type MatchRank } from '../search/rank';
import { searchQueryOf } from '../search/search-keys';

export type SearchHit = {
  kind: 'customer' | 'contact';
  customer: LocalCustomer;
  /** The contact that matched (kind 'contact'), shown with its customer. */
  contact: LocalContact | null;
  owner: Member | null;
  rank: MatchRank;
};

/**
 * Rows looked up per table and keystroke. The index returns keys in order, so the rows whose key
 * equals the query come first. A short query ("s", "zh") matches thousands of rows and reading
 * them dominates its time, so it looks at fewer: 50 rows per character typed, at most 150. Typing
 * one more letter narrows the range. Measured in test/bench/search.ts.
 */
const windowFor = (query: string): number => Math.min(150, 50 * Array.from(query).length);
export const SEARCH_LIMIT = 20;
const isRow = <T>(row: T | undefined): row is T => row !== undefined;
/** A row appears once per matching key (multi-entry index); keep the first. */
const distinct = <T extends { id: string }>(rows: T[]): T[] => [...new Map(rows.map((r) => [r.id, r])).values()];

/** Customers and contacts whose search keys start with the typed text, best first. */
export async function searchReplica(db: LocalDb, text: string, limit = SEARCH_LIMIT): Promise<SearchHit[]> {
  const query = searchQueryOf(text);
  if (!query) return [];
  return db.transaction('r', [db.customers, db.contacts, db.members], async () => {
    // Rows straight from the index range (one getAll per table) rather than keys + bulkGet,
    // which makes one request per row.
    const [customers, contacts] = await Promise.all([
      db.customers.where('searchKeys').startsWith(query).limit(windowFor(query)).toArray(),
      db.contacts.where('searchKeys').startsWith(query).limit(windowFor(query)).toArray(),
    ]);
    const ranked = [
      ...distinct(customers).map((c) => ({ kind: 'customer' as const, row: c, rank: customerRank(query, c) })),
      ...distinct(contacts).map((c) => ({ kind: 'contact' as const, row: c, rank: contactRank(query, c) })),
    ]
      .map((r) => ({ ...r, name: r.row.name, id: r.row.id }))
      .sort(compareRanked);
    // Contacts need their customer; one whose customer is not in the replica (should not happen:
    // a pull page applies both together) is left out, so look at a few more than the limit.
    const top = ranked.slice(0, limit * 2);
    const needed = [...new Set(top.flatMap((r) => (r.kind === 'contact' ? [(r.row as LocalContact).customerId] : [])))];
    const customerOf = new Map((await db.customers.bulkGet(needed)).filter(isRow).map((c) => [c.id, c]));
    for (const r of top) if (r.kind === 'customer') customerOf.set(r.id, r.row as LocalCustomer);
    const hits: Omit<SearchHit, 'owner'>[] = [];
    for (const r of top) {
      const customer = customerOf.get(r.kind === 'customer' ? r.id : (r.row as LocalContact).customerId);
      if (!customer) continue;
      hits.push({ kind: r.kind, customer, contact: r.kind === 'contact' ? (r.row as LocalContact) : null, rank: r.rank });
      if (hits.length === limit) break;
    }
    const ownerIds = [...new Set(hits.flatMap((h) => (h.customer.ownerUserId ? [h.customer.ownerUserId] : [])))];
    const owners = new Map((await db.members.bulkGet(ownerIds)).filter(isRow).map((m) => [m.id, m]));
    return hits.map((h) => ({ ...h, owner: owners.get(h.customer.ownerUserId ?? '') ?? null }));
  });
}

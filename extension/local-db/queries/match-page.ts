import { normaliseCompanyName } from '../../../shared/domain/company-name';
import { ownSide } from '../../../shared/domain/sender';
import type { Clue } from '../../../shared/schemas/host-context';
import type { ClueKind } from '../../../shared/schemas/portal-rules';
import type { LocalDb } from '../db';
import type { LocalContact, LocalCustomer } from '../local-rows';
import { compact } from '../search/normalise';
import { searchQueryOf } from '../search/search-keys';
import { matchSender } from './match-context';

/** Why a portal page shows this customer: the clue that named it. */
export type PageReason = { kind: ClueKind; value: string };

export type PageMatch =
  | { kind: 'matched'; customer: LocalCustomer; contact: LocalContact | null; reason: PageReason }
  /** A clue names several customers (a shared domain, a common name): the user picks. */
  | { kind: 'ambiguous'; reason: PageReason; candidates: LocalCustomer[] }
  | { kind: 'unknown' };

/** Most reliable first: a code or tax number names one customer; an address or a name may not. */
const PRIORITY: readonly ClueKind[] = ['code', 'taxNumber', 'email', 'name'];
const WINDOW = 50;

async function byKey(db: LocalDb, query: string): Promise<LocalCustomer[]> {
  if (!query) return [];
  const rows = await db.customers.where('searchKeys').startsWith(query).limit(WINDOW).toArray();
  return [...new Map(rows.map((r) => [r.id, r])).values()];
}

async function customersFor(db: LocalDb, clue: Clue): Promise<{ customers: LocalCustomer[]; contact: LocalContact | null }> {
  const none = { customers: [], contact: null };
  switch (clue.kind) {
    case 'code': {
      const code = compact(clue.value);
      return { customers: (await byKey(db, searchQueryOf(clue.value))).filter((c) => c.code && compact(c.code) === code), contact: null };
    }
    case 'taxNumber': {
      const tax = compact(clue.value);
      return { customers: (await byKey(db, tax)).filter((c) => c.taxNumber && compact(c.taxNumber) === tax), contact: null };
    }
    case 'name': {
      const name = normaliseCompanyName(clue.value);
      const rows = await byKey(db, searchQueryOf(name));
      return { customers: rows.filter((c) => [c.name, ...c.shortNames].some((n) => normaliseCompanyName(n) === name)), contact: null };
    }
    case 'email': {
      const match = await matchSender(db, { email: clue.value, name: '', role: 'to' });
      if (match.kind === 'matched') return { customers: [match.customer], contact: match.contact };
      return match.kind === 'ambiguous' ? { customers: match.candidates.map((c) => c.customer), contact: null } : none;
    }
  }
}

/**
 * The customer a portal page is about: the first clue, most reliable kind first, that names
 * customers in the replica. Addresses of the user and colleagues (the user's company domain)
 * are no clue: a helpdesk page shows the agent too.
 */
export async function matchPage(db: LocalDb, clues: readonly Clue[], me: string | null): Promise<PageMatch> {
  const inside = ownSide(me);
  const usable = (clue: Clue): boolean => clue.kind !== 'email' || !inside(clue.value);
  for (const kind of PRIORITY) {
    for (const clue of clues.filter((c) => c.kind === kind && usable(c))) {
      const { customers, contact } = await customersFor(db, clue);
      const reason = { kind: clue.kind, value: clue.value };
      if (customers.length === 1) return { kind: 'matched', customer: customers[0]!, contact, reason };
      if (customers.length > 1) return { kind: 'ambiguous', reason, candidates: customers.sort((a, b) => a.name.localeCompare(b.name)) };
    }
  }
  return { kind: 'unknown' };
}

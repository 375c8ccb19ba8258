import { compact } from './normalise';
import { phoneKeys, type SearchFields } from './search-keys';
import type { LocalContact, LocalCustomer } from '../local-rows';

/**
 * How well a row matches the typed text (already `searchQueryOf`'d), best first:
 *   0 = a whole field: name, short name, code, tax number, email, domain or phone;
 *   1 = the name or a short name starts with it, or it is the whole name in pinyin or initials
 *       ("zhangwei" or "zw" for 张伟);
 *   2 = the name's pinyin or initials start with it ("zhangw" for 张伟明);
 *   3 = anything else the index found (a later word or character, pinyin from the middle of a
 *       name, the start of a code, email or phone).
 * Computed from the row's fields and its stored `searchHeads`, so no pinyin dictionary is needed.
 */
export type MatchRank = 0 | 1 | 2 | 3;

function rank(query: string, names: string[], wholeFields: string[], heads: SearchFields['searchHeads'] | undefined): MatchRank {
  const compactNames = names.map(compact);
  if (compactNames.includes(query) || wholeFields.includes(query)) return 0;
  if (compactNames.some((n) => n.startsWith(query)) || heads?.includes(query)) return 1;
  return heads?.some((h) => h.startsWith(query)) ? 2 : 3;
}

const phoneForms = (phones: (string | null | undefined)[]): string[] => {
  const out: string[] = [];
  for (const phone of phones) if (phone) phoneKeys(phone, out);
  return out;
};

export function customerRank(query: string, c: LocalCustomer): MatchRank {
  const whole = [c.code, c.taxNumber, ...c.emailDomains].filter((v): v is string => !!v).map(compact);
  const phones = phoneForms([c.profile?.phone, c.profile?.fax]);
  return rank(query, [c.name, ...c.shortNames], [...whole, ...phones], c.searchHeads);
}

export function contactRank(query: string, c: LocalContact): MatchRank {
  return rank(query, [c.name], [...c.emails.map(compact), ...phoneForms(c.phones)], c.searchHeads);
}

export type Ranked = { rank: MatchRank; kind: 'customer' | 'contact'; name: string; id: string };

/** Rank; customers before contacts; shorter names; then id, so the order never flickers. */
export function compareRanked(a: Ranked, b: Ranked): number {
  return (
    a.rank - b.rank ||
    (a.kind === b.kind ? 0 : a.kind === 'customer' ? -1 : 1) ||
    a.name.length - b.name.length ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
